package io.freshet.runtime.rpc;

import io.freshet.runtime.concurrent.FutureUtils;
import io.freshet.runtime.concurrent.ScheduledExecutor;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The invocation handler behind every gateway proxy: answers {@link Object} methods and the {@link RpcGateway}
 * accessors itself and turns every other method into an {@link RpcInvocation} for its {@link RpcTarget}.
 */
final class RpcGatewayProxy implements InvocationHandler {

    private final Class<?> gatewayClass;
    private final RpcTarget target;
    private final boolean fenced;
    private final Supplier<Serializable> fencingToken;
    private final boolean unfencedSelfCall;
    private final Duration defaultTimeout;
    private final ScheduledExecutor timer;

    private RpcGatewayProxy(
            Class<?> gatewayClass,
            RpcTarget target,
            boolean fenced,
            Supplier<Serializable> fencingToken,
            boolean unfencedSelfCall,
            Duration defaultTimeout,
            ScheduledExecutor timer) {
        this.gatewayClass = gatewayClass;
        this.target = target;
        this.fenced = fenced;
        this.fencingToken = fencingToken;
        this.unfencedSelfCall = unfencedSelfCall;
        this.defaultTimeout = defaultTimeout;
        this.timer = timer;
    }

    /**
     * Creates a proxy of {@code gatewayClass} that sends to {@code target}.
     *
     * @param fenced whether calls carry the token from {@code fencingToken}
     * @param unfencedSelfCall whether calls are an endpoint's calls to itself, which bypass fencing
     */
    static <C extends RpcGateway> C create(
            Class<C> gatewayClass,
            RpcTarget target,
            boolean fenced,
            Supplier<Serializable> fencingToken,
            boolean unfencedSelfCall,
            Duration defaultTimeout,
            ScheduledExecutor timer) {
        validateGatewayClass(gatewayClass);
        RpcGatewayProxy handler = new RpcGatewayProxy(
                gatewayClass, target, fenced, fencingToken, unfencedSelfCall, defaultTimeout, timer);
        Object proxy = Proxy.newProxyInstance(
                gatewayClass.getClassLoader(), new Class<?>[] {gatewayClass}, handler);
        return gatewayClass.cast(proxy);
    }

    /** Fails unless every method of {@code gatewayClass} can be called remotely. */
    static void validateGatewayClass(Class<?> gatewayClass) {
        if (!gatewayClass.isInterface() || !RpcGateway.class.isAssignableFrom(gatewayClass)) {
            throw new IllegalArgumentException(
                    gatewayClass.getName() + " is not a gateway: it must be an interface extending RpcGateway.");
        }
        for (Method method : gatewayClass.getMethods()) {
            if (isAnsweredLocally(method) || method.isDefault() || java.lang.reflect.Modifier.isStatic(
                    method.getModifiers())) {
                continue;
            }
            Class<?> returnType = method.getReturnType();
            if (returnType != void.class && returnType != CompletableFuture.class) {
                throw new IllegalArgumentException("Gateway method " + gatewayClass.getName() + "."
                        + method.getName() + " returns " + returnType.getName()
                        + "; gateway methods must return void (tell) or CompletableFuture (ask).");
            }
        }
    }

    private static boolean isAnsweredLocally(Method method) {
        if (method.getParameterCount() != 0) {
            return false;
        }
        Class<?> declaring = method.getDeclaringClass();
        return declaring == RpcGateway.class || declaring == FencedRpcGateway.class;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return invokeObjectMethod(proxy, method, args);
        }
        if (isAnsweredLocally(method)) {
            switch (method.getName()) {
                case "getAddress":
                    return target.getAddress();
                case "getHostname":
                    return target.getHostname();
                case "getFencingToken":
                    return fencingToken.get();
                default:
                    throw new UnsupportedOperationException(method.toString());
            }
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }

        RpcInvocation invocation = new RpcInvocation(
                gatewayClass.getSimpleName(),
                method.getName(),
                RpcInvocation.signatureOf(method),
                args,
                fenced,
                fenced ? fencingToken.get() : null,
                unfencedSelfCall);
        if (method.getReturnType() == void.class) {
            target.tell(invocation);
            return null;
        }
        Duration timeout = timeoutOf(method, args);
        CompletableFuture<Object> answer = target.ask(invocation);
        return FutureUtils.orTimeout(answer, timeout, timer, () -> new RpcTimeoutException("The call "
                + invocation.describe() + " to " + target.getAddress() + " got no answer within "
                + timeout.toMillis() + " ms. If the endpoint is only slow, raise the call's @RpcTimeout or the"
                + " option 'pekko.ask.timeout'."));
    }

    private Duration timeoutOf(Method method, Object[] args) {
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof RpcTimeout && args[i] instanceof Duration) {
                    return (Duration) args[i];
                }
            }
        }
        return defaultTimeout;
    }

    private Object invokeObjectMethod(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return gatewayClass.getSimpleName() + "@" + target.getAddress()
                        + (fenced ? " (fencing token " + fencingToken.get() + ")" : "");
            default:
                throw new UnsupportedOperationException(method.toString());
        }
    }
}
