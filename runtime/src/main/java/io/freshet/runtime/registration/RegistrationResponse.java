package io.freshet.runtime.registration;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.runtime.clusterframework.types.ResourceID;

/**
 * The answer to a registration (TaskExecutor at ResourceManager, TaskExecutor at JobMaster, JobMaster at
 * ResourceManager): {@link Success}, or {@link Rejection} with a reason the registering side logs and acts on
 * (it does not retry a rejection, it retries a failed or timed-out call).
 */
public abstract class RegistrationResponse implements Serializable {

    private static final long serialVersionUID = 1L;

    private RegistrationResponse() {}

    /** Registered; {@code registrationId} identifies this registration in later calls (a new one after re-registering). */
    public static final class Success extends RegistrationResponse {
        private static final long serialVersionUID = 1L;

        private final String registrationId;
        private final ResourceID resourceId;

        public Success(String registrationId) {
            this(registrationId, null);
        }

        /**
         * @param resourceId the resource id of the registering-at side (a JobMaster answering a TaskExecutor, as
         *     Flink's {@code JMTMRegistrationSuccess} does), so that the registered side can tell which peer its later
         *     heartbeat requests come from; null if the answering side does not say
         */
        public Success(String registrationId, ResourceID resourceId) {
            this.registrationId = Objects.requireNonNull(registrationId, "registrationId");
            this.resourceId = resourceId;
        }

        public String getRegistrationId() {
            return registrationId;
        }

        /** The resource id of the side that accepted the registration, or null if it did not say. */
        public ResourceID getResourceId() {
            return resourceId;
        }

        @Override
        public String toString() {
            return "Registration successful (" + registrationId + ")";
        }
    }

    /** Not registered, for the given reason. */
    public static final class Rejection extends RegistrationResponse {
        private static final long serialVersionUID = 1L;

        private final String reason;

        public Rejection(String reason) {
            this.reason = Objects.requireNonNull(reason, "reason");
        }

        public String getReason() {
            return reason;
        }

        @Override
        public String toString() {
            return "Registration rejected: " + reason;
        }
    }
}
