package io.freshet.runtime.rpc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@link java.time.Duration} parameter of a gateway method that is this call's ask timeout, in place of
 * the service default {@code pekko.ask.timeout}. The argument is still passed on to the endpoint's method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface RpcTimeout {}
