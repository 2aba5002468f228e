package io.freshet.runtime.highavailability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.JobID;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.IllegalConfigurationException;
import io.freshet.runtime.leaderretrieval.LeaderRetrievalListener;
import io.freshet.runtime.leaderretrieval.LeaderRetrievalService;

class HighAvailabilityServicesUtilsTest {

    private static List<String> leaderOf(LeaderRetrievalService service) throws Exception {
        List<String> seen = new ArrayList<>();
        service.start(new LeaderRetrievalListener() {
            @Override
            public void notifyLeaderAddress(String address, UUID leaderSessionId) {
                seen.add(address + " " + leaderSessionId);
            }

            @Override
            public void handleError(Exception exception) {
                seen.add("error " + exception);
            }
        });
        service.stop();
        return seen;
    }

    @Test
    void withoutHighAvailabilityTheLeadersAreAtTheJobManagersRpcAddress() throws Exception {
        Configuration configuration = new Configuration();
        configuration.setString("jobmanager.rpc.address", "jm.example.com");
        configuration.setString("jobmanager.rpc.port", "7123");

        try (HighAvailabilityServices services =
                HighAvailabilityServicesUtils.createHighAvailabilityServices(configuration)) {
            String id = HighAvailabilityServices.DEFAULT_LEADER_ID.toString();
            assertThat(leaderOf(services.getResourceManagerLeaderRetriever()))
                    .containsExactly("freshet.tcp://jm.example.com:7123/resourcemanager " + id);
            assertThat(leaderOf(services.getDispatcherLeaderRetriever()))
                    .containsExactly("freshet.tcp://jm.example.com:7123/dispatcher " + id);
            assertThat(leaderOf(services.getJobManagerLeaderRetriever(new JobID(), "freshet.tcp://h:1/jobmaster_x")))
                    .containsExactly("freshet.tcp://h:1/jobmaster_x " + id);
        }
    }

    @Test
    void aModeThisBuildCannotServeIsNamed() {
        Configuration configuration = new Configuration();
        configuration.setString("high-availability.type", "zookeeper");

        assertThatThrownBy(() -> HighAvailabilityServicesUtils.createHighAvailabilityServices(configuration))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("high-availability.type").hasMessageContaining("zookeeper");
    }
}
