package io.freshet.runtime.rpc;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * One call of a gateway method, as it travels from a proxy to the endpoint: the method's signature, the arguments
 * and, for fenced calls, the caller's expected fencing token.
 *
 * <p>A method is identified by its {@linkplain #signature() signature} {@code name(type1,type2)}, so that the
 * receiving side finds it without loading the parameter classes. {@linkplain #isUnfencedSelfCall() Unfenced self
 * calls} come only from an endpoint's own gateway inside its process; that flag never crosses the wire.
 */
public final class RpcInvocation {

    private final String gatewayName;
    private final String methodName;
    private final String signature;
    private final Object[] arguments;
    private final boolean carriesFencingToken;
    private final Serializable fencingToken;
    private final boolean unfencedSelfCall;

    /**
     * @param gatewayName simple name of the gateway interface, for messages only
     * @param fencingToken the caller's expected token; meaningful only if {@code carriesFencingToken}
     */
    public RpcInvocation(
            String gatewayName,
            String methodName,
            String signature,
            Object[] arguments,
            boolean carriesFencingToken,
            Serializable fencingToken,
            boolean unfencedSelfCall) {
        this.gatewayName = Objects.requireNonNull(gatewayName);
        this.methodName = Objects.requireNonNull(methodName);
        this.signature = Objects.requireNonNull(signature);
        this.arguments = arguments == null ? new Object[0] : arguments;
        this.carriesFencingToken = carriesFencingToken;
        this.fencingToken = fencingToken;
        this.unfencedSelfCall = unfencedSelfCall;
    }

    /** The signature key of {@code method}: {@code name(fully.qualified.Type,...)}. */
    public static String signatureOf(Method method) {
        StringBuilder key = new StringBuilder(method.getName()).append('(');
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                key.append(',');
            }
            key.append(types[i].getTypeName());
        }
        return key.append(')').toString();
    }

    public String getGatewayName() {
        return gatewayName;
    }

    public String getMethodName() {
        return methodName;
    }

    public String getSignature() {
        return signature;
    }

    public Object[] getArguments() {
        return arguments;
    }

    public boolean carriesFencingToken() {
        return carriesFencingToken;
    }

    /** The caller's expected fencing token, or null (meaning "not leader") — see {@link #carriesFencingToken()}. */
    public Serializable getFencingToken() {
        return fencingToken;
    }

    public boolean isUnfencedSelfCall() {
        return unfencedSelfCall;
    }

    /** {@code Gateway.method(Type,...)} with simple type names, for error messages. */
    public String describe() {
        int open = signature.indexOf('(');
        String params = signature.substring(open + 1, signature.length() - 1);
        StringBuilder out = new StringBuilder(gatewayName).append('.').append(methodName).append('(');
        if (!params.isEmpty()) {
            String[] types = params.split(",");
            for (int i = 0; i < types.length; i++) {
                if (i > 0) {
                    out.append(", ");
                }
                String type = types[i];
                out.append(type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1));
            }
        }
        return out.append(')').toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
