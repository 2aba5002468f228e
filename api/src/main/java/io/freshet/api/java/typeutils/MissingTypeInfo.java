package io.freshet.api.java.typeutils;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;

/**
 * Stands for a type that could not be extracted from a function. It is harmless until used: the first use
 * throws the recorded {@link InvalidTypesException}, which says how to give the type with {@code returns(...)}.
 */
public class MissingTypeInfo extends TypeInformation<InvalidTypesException> {

    private static final long serialVersionUID = 1L;

    private final String functionName;
    private final InvalidTypesException typeException;

    public MissingTypeInfo(String functionName) {
        this(functionName, new InvalidTypesException("the type of function '" + functionName + "' is unknown"));
    }

    public MissingTypeInfo(String functionName, InvalidTypesException typeException) {
        this.functionName = functionName;
        this.typeException = typeException;
    }

    public String getFunctionName() {
        return functionName;
    }

    public InvalidTypesException getTypeException() {
        return typeException;
    }

    @Override
    public boolean isBasicType() {
        throw typeException;
    }

    @Override
    public boolean isTupleType() {
        throw typeException;
    }

    @Override
    public int getArity() {
        throw typeException;
    }

    @Override
    public int getTotalFields() {
        throw typeException;
    }

    @Override
    public Class<InvalidTypesException> getTypeClass() {
        throw typeException;
    }

    @Override
    public boolean isKeyType() {
        throw typeException;
    }

    @Override
    @Deprecated
    public TypeSerializer<InvalidTypesException> createSerializer(ExecutionConfig config) {
        throw typeException;
    }

    @Override
    public String toString() {
        return "MissingTypeInfo(" + functionName + ")";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof MissingTypeInfo && functionName.equals(((MissingTypeInfo) obj).functionName);
    }

    @Override
    public int hashCode() {
        return functionName.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof MissingTypeInfo;
    }
}
