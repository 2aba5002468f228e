package io.freshet.api.java.typeutils;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.api.common.functions.AggregateFunction;
import io.freshet.api.common.functions.CoGroupFunction;
import io.freshet.api.common.functions.CrossFunction;
import io.freshet.api.common.functions.FlatJoinFunction;
import io.freshet.api.common.functions.FlatMapFunction;
import io.freshet.api.common.functions.Function;
import io.freshet.api.common.functions.GroupCombineFunction;
import io.freshet.api.common.functions.GroupReduceFunction;
import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.functions.JoinFunction;
import io.freshet.api.common.functions.MapFunction;
import io.freshet.api.common.functions.MapPartitionFunction;
import io.freshet.api.common.functions.Partitioner;
import io.freshet.api.common.typeinfo.BasicArrayTypeInfo;
import io.freshet.api.common.typeinfo.BasicTypeInfo;
import io.freshet.api.common.typeinfo.PrimitiveArrayTypeInfo;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.api.java.tuple.Tuple;

/**
 * Derives {@link TypeInformation} from classes, generic types and the signatures of user functions.
 *
 * <p>The rules, in order: basic types (boxed primitives, String, BigInteger, BigDecimal, Date, Instant, Void);
 * arrays; enums; Freshet tuples (whose field types must be known: {@code Tuple2<String, Integer>} or a subclass
 * that fixes them); POJOs (see {@link #analyzePojo}); everything else is a generic type serialized with Kryo.
 *
 * <p>Function output types come from the generic signature of the function's class, with type variables bound
 * by the input types where the function is itself generic. Lambdas keep only what the compiler left in the
 * implementing method's signature: a lambda returning {@code Integer} is fine, one returning
 * {@code Tuple2<String, Integer>} or emitting through a {@code Collector} is erased, and the caller must give the
 * type with {@code returns(...)}. The error says so, naming the function.
 */
public final class TypeExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(TypeExtractor.class);

    private static final int[] RETURN_TYPE = new int[0];

    private TypeExtractor() {}

    // ---- types of classes and values ----

    public static <T> TypeInformation<T> createTypeInfo(Class<T> type) {
        return cast(new Analysis().typeInfo(type, Collections.emptyMap()));
    }

    public static TypeInformation<?> createTypeInfo(Type type) {
        return new Analysis().typeInfo(type, Collections.emptyMap());
    }

    public static <T> TypeInformation<T> getForClass(Class<T> clazz) {
        return createTypeInfo(clazz);
    }

    /** The type of a value; for tuples the field types are taken from the field values, which must not be null. */
    public static <X> TypeInformation<X> getForObject(X value) {
        if (value == null) {
            throw new InvalidTypesException("cannot derive a type from null");
        }
        if (value instanceof Tuple && value.getClass() == Tuple.getTupleClass(((Tuple) value).getArity())) {
            Tuple tuple = (Tuple) value;
            TypeInformation<?>[] fieldTypes = new TypeInformation<?>[tuple.getArity()];
            for (int i = 0; i < fieldTypes.length; i++) {
                Object field = tuple.getField(i);
                if (field == null) {
                    throw new InvalidTypesException("field " + i + " of " + value
                            + " is null, so its type cannot be derived from the value; give the type explicitly");
                }
                fieldTypes[i] = getForObject(field);
            }
            return cast(new TupleTypeInfo<>(fieldTypes));
        }
        return cast(createTypeInfo(value.getClass()));
    }

    /**
     * The type of type argument {@code returnParamPos} of {@code baseClass} as implemented by {@code clazz},
     * with type variables bound from the given input types (arguments 0 and 1 of {@code baseClass}).
     */
    public static <IN1, IN2, OUT> TypeInformation<OUT> createTypeInfo(Class<?> baseClass, Class<?> clazz,
            int returnParamPos, TypeInformation<IN1> in1Type, TypeInformation<IN2> in2Type) {
        Type[] arguments = typeArgumentsOf(clazz, baseClass);
        Map<TypeVariable<?>, TypeInformation<?>> bindings = new HashMap<>();
        if (in1Type != null && arguments.length > 0) {
            bindInput(arguments[0], in1Type, bindings);
        }
        if (in2Type != null && arguments.length > 1) {
            bindInput(arguments[1], in2Type, bindings);
        }
        return cast(new Analysis().typeInfo(arguments[returnParamPos], bindings));
    }

    // ---- output types of functions ----

    public static <IN, OUT> TypeInformation<OUT> getMapReturnTypes(MapFunction<IN, OUT> mapInterface,
            TypeInformation<IN> inType) {
        return getMapReturnTypes(mapInterface, inType, null, false);
    }

    public static <IN, OUT> TypeInformation<OUT> getMapReturnTypes(MapFunction<IN, OUT> mapInterface,
            TypeInformation<IN> inType, String functionName, boolean allowMissing) {
        return getUnaryOperatorReturnType(mapInterface, MapFunction.class, 0, 1, RETURN_TYPE, inType,
                functionName, allowMissing);
    }

    public static <IN, OUT> TypeInformation<OUT> getFlatMapReturnTypes(FlatMapFunction<IN, OUT> flatMapInterface,
            TypeInformation<IN> inType) {
        return getFlatMapReturnTypes(flatMapInterface, inType, null, false);
    }

    public static <IN, OUT> TypeInformation<OUT> getFlatMapReturnTypes(FlatMapFunction<IN, OUT> flatMapInterface,
            TypeInformation<IN> inType, String functionName, boolean allowMissing) {
        return getUnaryOperatorReturnType(flatMapInterface, FlatMapFunction.class, 0, 1, new int[] {1, 0}, inType,
                functionName, allowMissing);
    }

    public static <IN, OUT> TypeInformation<OUT> getMapPartitionReturnTypes(
            MapPartitionFunction<IN, OUT> mapPartitionInterface, TypeInformation<IN> inType) {
        return getMapPartitionReturnTypes(mapPartitionInterface, inType, null, false);
    }

    public static <IN, OUT> TypeInformation<OUT> getMapPartitionReturnTypes(
            MapPartitionFunction<IN, OUT> mapPartitionInterface, TypeInformation<IN> inType, String functionName,
            boolean allowMissing) {
        return getUnaryOperatorReturnType(mapPartitionInterface, MapPartitionFunction.class, 0, 1, new int[] {1, 0},
                inType, functionName, allowMissing);
    }

    public static <IN, OUT> TypeInformation<OUT> getGroupReduceReturnTypes(
            GroupReduceFunction<IN, OUT> groupReduceInterface, TypeInformation<IN> inType) {
        return getGroupReduceReturnTypes(groupReduceInterface, inType, null, false);
    }

    public static <IN, OUT> TypeInformation<OUT> getGroupReduceReturnTypes(
            GroupReduceFunction<IN, OUT> groupReduceInterface, TypeInformation<IN> inType, String functionName,
            boolean allowMissing) {
        return getUnaryOperatorReturnType(groupReduceInterface, GroupReduceFunction.class, 0, 1, new int[] {1, 0},
                inType, functionName, allowMissing);
    }

    public static <IN, OUT> TypeInformation<OUT> getGroupCombineReturnTypes(
            GroupCombineFunction<IN, OUT> combineInterface, TypeInformation<IN> inType) {
        return getGroupCombineReturnTypes(combineInterface, inType, null, false);
    }

    public static <IN, OUT> TypeInformation<OUT> getGroupCombineReturnTypes(
            GroupCombineFunction<IN, OUT> combineInterface, TypeInformation<IN> inType, String functionName,
            boolean allowMissing) {
        return getUnaryOperatorReturnType(combineInterface, GroupCombineFunction.class, 0, 1, new int[] {1, 0},
                inType, functionName, allowMissing);
    }

    public static <IN1, IN2, OUT> TypeInformation<OUT> getFlatJoinReturnTypes(
            FlatJoinFunction<IN1, IN2, OUT> joinInterface, TypeInformation<IN1> in1Type, TypeInformation<IN2> in2Type) {
        return getFlatJoinReturnTypes(joinInterface, in1Type, in2Type, null, false);
    }

    public static <IN1, IN2, OUT> TypeInformation<OUT> getFlatJoinReturnTypes(
            FlatJoinFunction<IN1, IN2, OUT> joinInterface, TypeInformation<IN1> in1Type, TypeInformation<IN2> in2Type,
            String functionName, boolean allowMissing) {
        return getBinaryOperatorReturnType(joinInterface, FlatJoinFunction.class, 0, 1, 2, new int[] {2, 0},
                in1Type, in2Type, functionName, allowMissing);
    }

    public static <IN1, IN2, OUT> TypeInformation<OUT> getJoinReturnTypes(JoinFunction<IN1, IN2, OUT> joinInterface,
            TypeInformation<IN1> in1Type, TypeInformation<IN2> in2Type) {
        return getJoinReturnTypes(joinInterface, in1Type, in2Type, null, false);
    }

    public static <IN1, IN2, OUT> TypeInformation<OUT> getJoinReturnTypes(JoinFunction<IN1, IN2, OUT> joinInterface,
            TypeInformation<IN1> in1Type, TypeInformation<IN2> in2Type, String functionName, boolean allowMissing) {
        return getBinaryOperatorReturnType(joinInterface, JoinFunction.class, 0, 1, 2, RETURN_TYPE, in1Type, in2Type,
                functionName, allowMissing);
    }

    public static <IN1, IN2, OUT> TypeInformation<OUT> getCoGroupReturnTypes(
            CoGroupFunction<IN1, IN2, OUT> coGroupInterface, TypeInformation<IN1> in1Type,
            TypeInformation<IN2> in2Type) {
        return getCoGroupReturnTypes(coGroupInterface, in1Type, in2Type, null, false);
    }

    public static <IN1, IN2, OUT> TypeInformation<OUT> getCoGroupReturnTypes(
            CoGroupFunction<IN1, IN2, OUT> coGroupInterface, TypeInformation<IN1> in1Type,
            TypeInformation<IN2> in2Type, String functionName, boolean allowMissing) {
        return getBinaryOperatorReturnType(coGroupInterface, CoGroupFunction.class, 0, 1, 2, new int[] {2, 0},
                in1Type, in2Type, functionName, allowMissing);
    }

    public static <IN1, IN2, OUT> TypeInformation<OUT> getCrossReturnTypes(CrossFunction<IN1, IN2, OUT> crossInterface,
            TypeInformation<IN1> in1Type, TypeInformation<IN2> in2Type) {
        return getCrossReturnTypes(crossInterface, in1Type, in2Type, null, false);
    }

    public static <IN1, IN2, OUT> TypeInformation<OUT> getCrossReturnTypes(CrossFunction<IN1, IN2, OUT> crossInterface,
            TypeInformation<IN1> in1Type, TypeInformation<IN2> in2Type, String functionName, boolean allowMissing) {
        return getBinaryOperatorReturnType(crossInterface, CrossFunction.class, 0, 1, 2, RETURN_TYPE, in1Type,
                in2Type, functionName, allowMissing);
    }

    public static <IN, OUT> TypeInformation<OUT> getKeySelectorTypes(KeySelector<IN, OUT> selectorInterface,
            TypeInformation<IN> inType) {
        return getKeySelectorTypes(selectorInterface, inType, null, false);
    }

    public static <IN, OUT> TypeInformation<OUT> getKeySelectorTypes(KeySelector<IN, OUT> selectorInterface,
            TypeInformation<IN> inType, String functionName, boolean allowMissing) {
        return getUnaryOperatorReturnType(selectorInterface, KeySelector.class, 0, 1, RETURN_TYPE, inType,
                functionName, allowMissing);
    }

    public static <T> TypeInformation<T> getPartitionerTypes(Partitioner<T> partitioner) {
        return getPartitionerTypes(partitioner, null, false);
    }

    public static <T> TypeInformation<T> getPartitionerTypes(Partitioner<T> partitioner, String functionName,
            boolean allowMissing) {
        return getUnaryOperatorReturnType(partitioner, Partitioner.class, -1, 0, new int[] {0}, null, functionName,
                allowMissing);
    }

    public static <IN, ACC> TypeInformation<ACC> getAggregateFunctionAccumulatorType(
            AggregateFunction<IN, ACC, ?> function, TypeInformation<IN> inType, String functionName,
            boolean allowMissing) {
        return getUnaryOperatorReturnType(function, AggregateFunction.class, 0, 1, RETURN_TYPE, inType,
                functionName, allowMissing);
    }

    public static <IN, OUT> TypeInformation<OUT> getAggregateFunctionReturnType(
            AggregateFunction<IN, ?, OUT> function, TypeInformation<IN> inType, String functionName,
            boolean allowMissing) {
        return getUnaryOperatorReturnType(function, AggregateFunction.class, 0, 2, RETURN_TYPE, inType,
                functionName, allowMissing);
    }

    /**
     * The output type of a function with one input.
     *
     * @param baseClass the function interface, e.g. {@code MapFunction.class}
     * @param inputTypeArgumentIndex the interface's type argument of the input, or -1 when there is none
     * @param outputTypeArgumentIndex the interface's type argument of the output
     * @param lambdaOutputTypeArgumentIndices where a lambda's output type sits in the method signature: empty for
     *     the return type, else the parameter index followed by the type argument path (e.g. {@code {1, 0}} for
     *     {@code Collector<OUT>} as second parameter)
     * @param allowMissing when true, failure gives a {@link MissingTypeInfo} that throws on first use (so that a
     *     later {@code returns(...)} can fix it); when false the {@link InvalidTypesException} is thrown now
     */
    public static <IN, OUT> TypeInformation<OUT> getUnaryOperatorReturnType(Function function, Class<?> baseClass,
            int inputTypeArgumentIndex, int outputTypeArgumentIndex, int[] lambdaOutputTypeArgumentIndices,
            TypeInformation<IN> inType, String functionName, boolean allowMissing) {
        return operatorReturnType(function, baseClass, new int[] {inputTypeArgumentIndex}, outputTypeArgumentIndex,
                lambdaOutputTypeArgumentIndices, new TypeInformation<?>[] {inType}, functionName, allowMissing);
    }

    /** The output type of a function with two inputs; see {@link #getUnaryOperatorReturnType}. */
    public static <IN1, IN2, OUT> TypeInformation<OUT> getBinaryOperatorReturnType(Function function,
            Class<?> baseClass, int input1TypeArgumentIndex, int input2TypeArgumentIndex, int outputTypeArgumentIndex,
            int[] lambdaOutputTypeArgumentIndices, TypeInformation<IN1> in1Type, TypeInformation<IN2> in2Type,
            String functionName, boolean allowMissing) {
        return operatorReturnType(function, baseClass, new int[] {input1TypeArgumentIndex, input2TypeArgumentIndex},
                outputTypeArgumentIndex, lambdaOutputTypeArgumentIndices, new TypeInformation<?>[] {in1Type, in2Type},
                functionName, allowMissing);
    }

    private static <OUT> TypeInformation<OUT> operatorReturnType(Function function, Class<?> baseClass,
            int[] inputIndices, int outputIndex, int[] lambdaIndices, TypeInformation<?>[] inTypes,
            String functionName, boolean allowMissing) {
        if (function instanceof ResultTypeQueryable) {
            return cast(((ResultTypeQueryable<?>) function).getProducedType());
        }
        String name = describe(function, functionName);
        for (TypeInformation<?> inType : inTypes) {
            if (inType instanceof MissingTypeInfo) {
                // the input's type is unknown, so nothing can be derived from it: report the original problem
                InvalidTypesException cause = ((MissingTypeInfo) inType).getTypeException();
                return missingOrThrow(name, new InvalidTypesException("the input type of " + name
                        + " is unknown because an earlier function's type could not be determined: "
                        + cause.getMessage(), cause), allowMissing);
            }
        }
        try {
            SerializedLambda lambda = serializedLambda(function);
            if (lambda != null) {
                return cast(lambdaOutputType(function, lambda, baseClass, lambdaIndices, name));
            }
            Type[] arguments = typeArgumentsOf(function.getClass(), baseClass);
            Map<TypeVariable<?>, TypeInformation<?>> bindings = new HashMap<>();
            for (int i = 0; i < inputIndices.length; i++) {
                if (inputIndices[i] >= 0 && inTypes[i] != null) {
                    bindInput(arguments[inputIndices[i]], inTypes[i], bindings);
                }
            }
            return cast(new Analysis().typeInfo(arguments[outputIndex], bindings));
        } catch (InvalidTypesException e) {
            return missingOrThrow(name, new InvalidTypesException("The output type of " + name
                    + " could not be determined: " + e.getMessage(), e), allowMissing);
        }
    }

    private static <OUT> TypeInformation<OUT> missingOrThrow(String name, InvalidTypesException e,
            boolean allowMissing) {
        if (allowMissing) {
            return cast(new MissingTypeInfo(name, e));
        }
        throw e;
    }

    // ---- lambdas ----

    /** The serialized form of a lambda or method reference, or null when {@code function} is an ordinary object. */
    static SerializedLambda serializedLambda(Object function) {
        Class<?> type = function.getClass();
        if (!type.isSynthetic()) {
            return null;
        }
        try {
            Method writeReplace = type.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replacement = writeReplace.invoke(function);
            return replacement instanceof SerializedLambda ? (SerializedLambda) replacement : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static TypeInformation<?> lambdaOutputType(Object function, SerializedLambda lambda, Class<?> baseClass,
            int[] indices, String name) {
        ClassLoader loader = function.getClass().getClassLoader();
        Class<?> implClass;
        try {
            implClass = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
        } catch (ClassNotFoundException e) {
            throw new InvalidTypesException("cannot load " + lambda.getImplClass() + ", the class of " + name, e);
        }
        Type outType;
        if (lambda.getImplMethodName().equals("<init>")) {
            if (indices.length > 0) {
                throw erased(name, "a constructor reference", null);
            }
            outType = implClass;
        } else {
            Method method = findMethod(implClass, lambda.getImplMethodName(), lambda.getImplMethodSignature());
            if (method == null) {
                throw new InvalidTypesException("cannot find " + lambda.getImplMethodName() + " in "
                        + implClass.getName() + ", the implementation of " + name);
            }
            if (indices.length == 0) {
                outType = method.getGenericReturnType();
            } else {
                Type[] params = method.getGenericParameterTypes();
                int samParams = samParameterCount(baseClass);
                int implIndex = indices[0] + (params.length - samParams);
                outType = implIndex < 0 ? implClass : params[implIndex];
                for (int i = 1; i < indices.length; i++) {
                    if (!(outType instanceof ParameterizedType)) {
                        throw erased(name, "the lambda's parameter types were erased by the compiler", outType);
                    }
                    outType = ((ParameterizedType) outType).getActualTypeArguments()[indices[i]];
                }
            }
        }
        if (containsTypeVariableOrRawGeneric(outType)) {
            throw erased(name, "Java erased the generic parameters of " + typeName(outType)
                    + " in the lambda's signature", outType);
        }
        return new Analysis().typeInfo(outType, Collections.emptyMap());
    }

    private static InvalidTypesException erased(String name, String reason, Type type) {
        String example = type instanceof Class && Tuple.class.isAssignableFrom((Class<?>) type)
                ? ".returns(Types.TUPLE(Types.STRING, Types.INT)) or .returns(new TypeHint<"
                        + ((Class<?>) type).getSimpleName() + "<String, Integer>>() {})"
                : ".returns(Types.STRING) or .returns(new TypeHint<...>() {})";
        return new InvalidTypesException(reason + ". Give the output type on the result of the transformation, e.g. "
                + example + ", implement ResultTypeQueryable, or use a (possibly anonymous) class instead of a"
                + " lambda so that the generic types stay in its signature.");
    }

    private static boolean containsTypeVariableOrRawGeneric(Type type) {
        if (type instanceof TypeVariable || type instanceof WildcardType) {
            return true;
        }
        if (type instanceof Class) {
            Class<?> clazz = (Class<?>) type;
            if (clazz.isArray()) {
                return containsTypeVariableOrRawGeneric(clazz.getComponentType());
            }
            return clazz.getTypeParameters().length > 0;
        }
        if (type instanceof GenericArrayType) {
            return containsTypeVariableOrRawGeneric(((GenericArrayType) type).getGenericComponentType());
        }
        if (type instanceof ParameterizedType) {
            for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
                if (containsTypeVariableOrRawGeneric(argument)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Method findMethod(Class<?> type, String name, String descriptor) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && descriptorOf(method).equals(descriptor)) {
                return method;
            }
        }
        return null;
    }

    private static String descriptorOf(Method method) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> parameter : method.getParameterTypes()) {
            sb.append(descriptorOf(parameter));
        }
        return sb.append(')').append(descriptorOf(method.getReturnType())).toString();
    }

    private static String descriptorOf(Class<?> type) {
        if (type.isArray()) {
            return type.getName().replace('.', '/');
        }
        if (type.isPrimitive()) {
            if (type == int.class) {
                return "I";
            } else if (type == long.class) {
                return "J";
            } else if (type == boolean.class) {
                return "Z";
            } else if (type == byte.class) {
                return "B";
            } else if (type == char.class) {
                return "C";
            } else if (type == short.class) {
                return "S";
            } else if (type == float.class) {
                return "F";
            } else if (type == double.class) {
                return "D";
            }
            return "V";
        }
        return "L" + type.getName().replace('.', '/') + ";";
    }

    private static int samParameterCount(Class<?> functionInterface) {
        for (Method method : functionInterface.getMethods()) {
            if (Modifier.isAbstract(method.getModifiers()) && method.getDeclaringClass() != Object.class) {
                return method.getParameterCount();
            }
        }
        throw new IllegalArgumentException(functionInterface.getName() + " has no abstract method");
    }

    /** A readable name of a function for error messages. */
    static String describe(Object function, String functionName) {
        String what;
        SerializedLambda lambda = serializedLambda(function);
        if (lambda != null) {
            String implClass = lambda.getImplClass().replace('/', '.');
            String method = lambda.getImplMethodName();
            if (method.startsWith("lambda$")) {
                String[] parts = method.split("\\$");
                String enclosing = parts.length > 1 ? parts[1] : "?";
                what = "the lambda in " + implClass + "." + enclosing + "()";
            } else {
                what = "the method reference " + implClass + "::" + method;
            }
        } else if (function.getClass().isAnonymousClass()) {
            Class<?>[] interfaces = function.getClass().getInterfaces();
            String kind = interfaces.length > 0 ? interfaces[0].getSimpleName()
                    : function.getClass().getSuperclass().getSimpleName();
            what = "the anonymous " + kind + " " + function.getClass().getName();
        } else {
            what = function.getClass().getName();
        }
        return functionName == null ? "function '" + what + "'" : "function '" + functionName + "' (" + what + ")";
    }

    // ---- generic signatures ----

    /**
     * The actual type arguments with which {@code type} (through its superclasses and interfaces) implements
     * {@code base}, with the type variables of intermediate classes substituted. Arguments may still be type
     * variables of {@code type} itself.
     */
    static Type[] typeArgumentsOf(Class<?> type, Class<?> base) {
        Type[] result = findArguments(type, base, new HashMap<>());
        if (result == null) {
            throw new InvalidTypesException(type.getName() + " does not implement " + base.getName());
        }
        return result;
    }

    private static Type[] findArguments(Type type, Class<?> base, Map<TypeVariable<?>, Type> substitution) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> local = new HashMap<>(substitution);
        if (type instanceof ParameterizedType) {
            ParameterizedType parameterized = (ParameterizedType) type;
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] actual = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                local.put(variables[i], substitute(actual[i], substitution));
            }
        } else if (type instanceof Class) {
            raw = (Class<?>) type;
        } else {
            return null;
        }
        if (raw == base) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] result = new Type[variables.length];
            for (int i = 0; i < variables.length; i++) {
                result[i] = local.getOrDefault(variables[i], variables[i]);
            }
            return result;
        }
        if (!base.isAssignableFrom(raw)) {
            return null;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type[] found = findArguments(parent, base, local);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : findArguments(superclass, base, local);
    }

    /** Replaces type variables in {@code type}, also inside parameterized and array types. */
    private static Type substitute(Type type, Map<TypeVariable<?>, Type> substitution) {
        if (type instanceof TypeVariable) {
            return substitution.getOrDefault(type, type);
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType parameterized = (ParameterizedType) type;
            Type[] arguments = parameterized.getActualTypeArguments();
            Type[] substituted = new Type[arguments.length];
            boolean changed = false;
            for (int i = 0; i < arguments.length; i++) {
                substituted[i] = substitute(arguments[i], substitution);
                changed |= substituted[i] != arguments[i];
            }
            return changed ? new ResolvedParameterizedType(parameterized, substituted) : type;
        }
        if (type instanceof GenericArrayType) {
            Type component = ((GenericArrayType) type).getGenericComponentType();
            Type substituted = substitute(component, substitution);
            if (substituted == component) {
                return type;
            }
            return substituted instanceof Class ? Array.newInstance((Class<?>) substituted, 0).getClass()
                    : new ResolvedGenericArrayType(substituted);
        }
        return type;
    }

    /** A parameterized type whose arguments were substituted. */
    private static final class ResolvedParameterizedType implements ParameterizedType {
        private final ParameterizedType original;
        private final Type[] arguments;

        ResolvedParameterizedType(ParameterizedType original, Type[] arguments) {
            this.original = original;
            this.arguments = arguments;
        }

        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return original.getRawType();
        }

        @Override
        public Type getOwnerType() {
            return original.getOwnerType();
        }

        @Override
        public String getTypeName() {
            StringBuilder sb = new StringBuilder(original.getRawType().getTypeName()).append('<');
            for (int i = 0; i < arguments.length; i++) {
                sb.append(i > 0 ? ", " : "").append(arguments[i].getTypeName());
            }
            return sb.append('>').toString();
        }

        @Override
        public String toString() {
            return getTypeName();
        }
    }

    /** An array type whose component type was substituted. */
    private static final class ResolvedGenericArrayType implements GenericArrayType {
        private final Type component;

        ResolvedGenericArrayType(Type component) {
            this.component = component;
        }

        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public String getTypeName() {
            return component.getTypeName() + "[]";
        }

        @Override
        public String toString() {
            return getTypeName();
        }
    }

    /** Binds the type variables in {@code declared} from what is known of the input's type. */
    private static void bindInput(Type declared, TypeInformation<?> actual, Map<TypeVariable<?>, TypeInformation<?>> bindings) {
        if (declared instanceof TypeVariable) {
            bindings.putIfAbsent((TypeVariable<?>) declared, actual);
        } else if (declared instanceof ParameterizedType && actual instanceof TupleTypeInfo) {
            ParameterizedType parameterized = (ParameterizedType) declared;
            if (parameterized.getRawType() == actual.getTypeClass()
                    && parameterized.getRawType() == Tuple.getTupleClass(actual.getArity())) {
                Type[] arguments = parameterized.getActualTypeArguments();
                for (int i = 0; i < arguments.length; i++) {
                    bindInput(arguments[i], ((TupleTypeInfo<?>) actual).getTypeAt(i), bindings);
                }
            }
        } else if (declared instanceof GenericArrayType && actual instanceof ObjectArrayTypeInfo) {
            bindInput(((GenericArrayType) declared).getGenericComponentType(),
                    ((ObjectArrayTypeInfo<?, ?>) actual).getComponentInfo(), bindings);
        }
    }

    private static String typeName(Type type) {
        return type instanceof Class ? ((Class<?>) type).getName() : type.getTypeName();
    }

    @SuppressWarnings("unchecked")
    private static <T> TypeInformation<T> cast(TypeInformation<?> info) {
        return (TypeInformation<T>) info;
    }

    // ---- POJO rules ----

    /**
     * Why {@code clazz} is not a POJO, or empty when it is one. Flink's rules: a public class, not abstract, static
     * if nested, with a public no-argument constructor, and at least one field; every non-static, non-transient
     * field of the class and its superclasses is public and not final, or has a public getter ({@code getX()},
     * {@code isX()} for booleans, or {@code x()}) and a public setter ({@code setX(value)}); no field name appears
     * twice in the class hierarchy.
     */
    public static java.util.Optional<String> analyzePojo(Class<?> clazz) {
        return java.util.Optional.ofNullable(pojoRejection(clazz));
    }

    private static String pojoRejection(Class<?> clazz) {
        if (!Modifier.isPublic(clazz.getModifiers())) {
            return "the class is not public";
        }
        if (clazz.isInterface() || Modifier.isAbstract(clazz.getModifiers())) {
            return "the class is abstract or an interface";
        }
        if (clazz.getEnclosingClass() != null && !Modifier.isStatic(clazz.getModifiers())) {
            return "it is a non-static inner class (declare it static or top-level)";
        }
        if (clazz.isRecord()) {
            return "records are not supported as POJOs yet";
        }
        try {
            Constructor<?> constructor = clazz.getDeclaredConstructor();
            if (!Modifier.isPublic(constructor.getModifiers())) {
                return "its no-argument constructor is not public";
            }
        } catch (NoSuchMethodException e) {
            return "it has no public no-argument constructor";
        }
        List<Field> fields = pojoFields(clazz);
        if (fields.isEmpty()) {
            return "it has no fields";
        }
        Set<String> names = new HashSet<>();
        for (Field field : fields) {
            if (!names.add(field.getName())) {
                return "the field name '" + field.getName() + "' appears more than once in the class hierarchy";
            }
            if (Modifier.isPublic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
                continue;
            }
            if (Modifier.isFinal(field.getModifiers())) {
                return "field '" + field.getName() + "' is final";
            }
            if (!hasGetter(clazz, field)) {
                return "field '" + field.getName() + "' is neither public nor has a public getter";
            }
            if (!hasSetter(clazz, field)) {
                return "field '" + field.getName() + "' is neither public nor has a public setter";
            }
        }
        return null;
    }

    static List<Field> pojoFields(Class<?> clazz) {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = clazz; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.push(c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /**
     * Getter and setter names are compared as Flink compares them: lower-cased, with underscores removed
     * ({@code first_name} matches {@code getFirstName}); a primitive field also matches its box type.
     */
    private static boolean hasGetter(Class<?> clazz, Field field) {
        String name = normalized(field.getName());
        boolean isBoolean = field.getType() == boolean.class || field.getType() == Boolean.class;
        for (Method method : clazz.getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String methodName = normalized(method.getName());
            boolean named = methodName.equals("get" + name) || methodName.equals(name)
                    || (isBoolean && methodName.equals("is" + name));
            if (named && typeMatches(method.getGenericReturnType(), method.getReturnType(), field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSetter(Class<?> clazz, Field field) {
        String name = normalized(field.getName());
        for (Method method : clazz.getMethods()) {
            if (method.getParameterCount() != 1 || Modifier.isStatic(method.getModifiers())
                    || method.getReturnType() != void.class) {
                continue;
            }
            String methodName = normalized(method.getName());
            if ((methodName.equals("set" + name) || methodName.equals(name + "$eq"))
                    && typeMatches(method.getGenericParameterTypes()[0], method.getParameterTypes()[0], field)) {
                return true;
            }
        }
        return false;
    }

    private static String normalized(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace("_", "");
    }

    private static boolean typeMatches(Type genericType, Class<?> rawType, Field field) {
        if (genericType.equals(field.getGenericType()) || rawType == field.getType()) {
            return true;
        }
        return field.getType().isPrimitive() && rawType == boxOf(field.getType());
    }

    private static Class<?> boxOf(Class<?> primitive) {
        return Array.get(Array.newInstance(primitive, 1), 0).getClass();
    }

    // ---- the analysis of one type (tracks the classes being analysed, for recursive types) ----

    private static final class Analysis {

        private final Set<Class<?>> inProgress = new HashSet<>();

        TypeInformation<?> typeInfo(Type type, Map<TypeVariable<?>, TypeInformation<?>> bindings) {
            if (type instanceof Class) {
                return classInfo((Class<?>) type, Collections.emptyMap());
            }
            if (type instanceof TypeVariable) {
                TypeInformation<?> bound = bindings.get(type);
                if (bound == null) {
                    TypeVariable<?> variable = (TypeVariable<?>) type;
                    throw new InvalidTypesException("the type variable '" + variable.getName() + "' of "
                            + variable.getGenericDeclaration() + " cannot be determined from the input types");
                }
                return bound;
            }
            if (type instanceof ParameterizedType) {
                ParameterizedType parameterized = (ParameterizedType) type;
                Class<?> raw = (Class<?>) parameterized.getRawType();
                TypeVariable<?>[] variables = raw.getTypeParameters();
                Type[] arguments = parameterized.getActualTypeArguments();
                Map<TypeVariable<?>, TypeInformation<?>> classBindings = new HashMap<>();
                for (int i = 0; i < variables.length; i++) {
                    if (arguments[i] instanceof WildcardType) {
                        if (Tuple.class.isAssignableFrom(raw)) {
                            throw new InvalidTypesException("the wildcard in " + type.getTypeName()
                                    + " leaves a tuple field type unknown; use concrete types");
                        }
                        continue;
                    }
                    try {
                        classBindings.put(variables[i], typeInfo(arguments[i], bindings));
                    } catch (InvalidTypesException e) {
                        if (Tuple.class.isAssignableFrom(raw)) {
                            throw e;
                        }
                        // left unbound: a POJO's fields of this type fall back to Kryo, a generic type needs none
                    }
                }
                return classInfo(raw, classBindings);
            }
            if (type instanceof GenericArrayType) {
                TypeInformation<?> component = typeInfo(((GenericArrayType) type).getGenericComponentType(), bindings);
                return arrayInfo(component);
            }
            if (type instanceof WildcardType) {
                throw new InvalidTypesException("the wildcard type " + type.getTypeName() + " cannot be used as a"
                        + " data type; use a concrete type");
            }
            throw new InvalidTypesException("unsupported type " + type);
        }

        private TypeInformation<?> classInfo(Class<?> clazz, Map<TypeVariable<?>, TypeInformation<?>> bindings) {
            TypeInformation<?> basic = BasicTypeInfo.getInfoFor(clazz);
            if (basic != null) {
                return basic;
            }
            if (clazz.isArray()) {
                TypeInformation<?> primitiveArray = PrimitiveArrayTypeInfo.getInfoFor(clazz);
                if (primitiveArray != null) {
                    return primitiveArray;
                }
                return arrayInfo(classInfo(clazz.getComponentType(), Collections.emptyMap()));
            }
            if (clazz.isEnum() || (clazz.getSuperclass() != null && clazz.getSuperclass().isEnum())) {
                return enumInfo(clazz.isEnum() ? clazz : clazz.getSuperclass());
            }
            if (Tuple.class.isAssignableFrom(clazz)) {
                return tupleInfo(clazz, bindings);
            }
            if (clazz == Object.class || clazz.isInterface() || clazz.isPrimitive()) {
                return new GenericTypeInfo<>(clazz);
            }
            return pojoOrGeneric(clazz, bindings);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private TypeInformation<?> enumInfo(Class<?> enumClass) {
            return new EnumTypeInfo(enumClass);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private TypeInformation<?> arrayInfo(TypeInformation<?> component) {
            Class<?> arrayClass = Array.newInstance(component.getTypeClass(), 0).getClass();
            TypeInformation<?> basicArray = BasicArrayTypeInfo.getInfoFor(arrayClass);
            if (basicArray != null) {
                return basicArray;
            }
            return ObjectArrayTypeInfo.getInfoFor((Class) arrayClass, (TypeInformation) component);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private TypeInformation<?> tupleInfo(Class<?> clazz, Map<TypeVariable<?>, TypeInformation<?>> bindings) {
            if (clazz == Tuple.class) {
                throw new InvalidTypesException("the abstract class Tuple cannot be a data type;"
                        + " use one of Tuple0..Tuple25 with its field types");
            }
            // walk up to TupleN, carrying the bindings of each class's type variables
            Class<?> current = clazz;
            Map<TypeVariable<?>, TypeInformation<?>> currentBindings = bindings;
            while (current.getSuperclass() != Tuple.class) {
                Type superType = current.getGenericSuperclass();
                Class<?> superClass = current.getSuperclass();
                Map<TypeVariable<?>, TypeInformation<?>> superBindings = new HashMap<>();
                if (superType instanceof ParameterizedType) {
                    Type[] arguments = ((ParameterizedType) superType).getActualTypeArguments();
                    TypeVariable<?>[] variables = superClass.getTypeParameters();
                    for (int i = 0; i < variables.length; i++) {
                        if (arguments[i] instanceof TypeVariable && !currentBindings.containsKey(arguments[i])) {
                            continue;
                        }
                        superBindings.put(variables[i], typeInfo(arguments[i], currentBindings));
                    }
                }
                current = superClass;
                currentBindings = superBindings;
            }
            TypeVariable<?>[] variables = current.getTypeParameters();
            TypeInformation<?>[] fieldTypes = new TypeInformation<?>[variables.length];
            for (int i = 0; i < variables.length; i++) {
                fieldTypes[i] = currentBindings.get(variables[i]);
                if (fieldTypes[i] == null) {
                    throw new InvalidTypesException(current.getSimpleName() + " is used without its field types ("
                            + clazz.getName() + "); tuples need them, e.g. "
                            + "TypeInformation.of(new TypeHint<" + current.getSimpleName() + "<String, Integer>>() {})"
                            + " or Types.TUPLE(Types.STRING, Types.INT)");
                }
            }
            return new TupleTypeInfo(clazz, fieldTypes);
        }

        private TypeInformation<?> pojoOrGeneric(Class<?> clazz, Map<TypeVariable<?>, TypeInformation<?>> bindings) {
            if (inProgress.contains(clazz)) {
                // a recursive type: the inner occurrence cannot be a POJO of itself
                return new GenericTypeInfo<>(clazz);
            }
            String rejection = pojoRejection(clazz);
            if (rejection != null) {
                LOG.info("Class {} cannot be used as a POJO type because {}; it is processed as a generic type"
                        + " (serialized with Kryo), which is slower and does not support state schema evolution.",
                        clazz.getName(), rejection);
                return new GenericTypeInfo<>(clazz);
            }
            inProgress.add(clazz);
            try {
                Map<Class<?>, Map<TypeVariable<?>, TypeInformation<?>>> hierarchyBindings = hierarchyBindings(clazz, bindings);
                List<PojoField> pojoFields = new ArrayList<>();
                for (Field field : pojoFields(clazz)) {
                    Map<TypeVariable<?>, TypeInformation<?>> fieldBindings =
                            hierarchyBindings.getOrDefault(field.getDeclaringClass(), Collections.emptyMap());
                    TypeInformation<?> fieldType;
                    try {
                        fieldType = typeInfo(field.getGenericType(), fieldBindings);
                    } catch (InvalidTypesException e) {
                        // an unbound type variable or a wildcard: the field falls back to Kryo, the POJO stays one
                        fieldType = new GenericTypeInfo<>(field.getType());
                    }
                    try {
                        field.setAccessible(true);
                    } catch (RuntimeException e) { // InaccessibleObjectException: a package not opened to us
                        LOG.warn("Class {} would be a POJO, but its field '{}' cannot be accessed ({}); it is"
                                + " processed as a generic type (Kryo). Open its package to Freshet, e.g. with"
                                + " --add-opens {}/{}=ALL-UNNAMED.", clazz.getName(), field.getName(), e.getMessage(),
                                clazz.getModule().getName(), clazz.getPackageName());
                        return new GenericTypeInfo<>(clazz);
                    }
                    pojoFields.add(new PojoField(field, fieldType));
                }
                return newPojoTypeInfo(clazz, pojoFields);
            } finally {
                inProgress.remove(clazz);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private TypeInformation<?> newPojoTypeInfo(Class<?> clazz, List<PojoField> fields) {
            return new PojoTypeInfo(clazz, fields);
        }

        /** The type variable bindings of {@code clazz} and each of its superclasses. */
        private Map<Class<?>, Map<TypeVariable<?>, TypeInformation<?>>> hierarchyBindings(Class<?> clazz,
                Map<TypeVariable<?>, TypeInformation<?>> bindings) {
            Map<Class<?>, Map<TypeVariable<?>, TypeInformation<?>>> result = new HashMap<>();
            Class<?> current = clazz;
            Map<TypeVariable<?>, TypeInformation<?>> currentBindings = bindings;
            while (current != null && current != Object.class) {
                result.put(current, currentBindings);
                Type superType = current.getGenericSuperclass();
                Class<?> superClass = current.getSuperclass();
                Map<TypeVariable<?>, TypeInformation<?>> superBindings = new HashMap<>();
                if (superType instanceof ParameterizedType) {
                    Type[] arguments = ((ParameterizedType) superType).getActualTypeArguments();
                    TypeVariable<?>[] variables = superClass.getTypeParameters();
                    for (int i = 0; i < variables.length; i++) {
                        try {
                            superBindings.put(variables[i], typeInfo(arguments[i], currentBindings));
                        } catch (InvalidTypesException e) {
                            // left unbound: fields of this type fall back to Kryo
                        }
                    }
                }
                current = superClass;
                currentBindings = superBindings;
            }
            return result;
        }
    }
}
