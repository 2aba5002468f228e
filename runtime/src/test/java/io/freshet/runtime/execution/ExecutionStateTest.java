package io.freshet.runtime.execution;

import static io.freshet.runtime.execution.ExecutionState.CANCELED;
import static io.freshet.runtime.execution.ExecutionState.CANCELING;
import static io.freshet.runtime.execution.ExecutionState.CREATED;
import static io.freshet.runtime.execution.ExecutionState.DEPLOYING;
import static io.freshet.runtime.execution.ExecutionState.FAILED;
import static io.freshet.runtime.execution.ExecutionState.FINISHED;
import static io.freshet.runtime.execution.ExecutionState.INITIALIZING;
import static io.freshet.runtime.execution.ExecutionState.RECONCILING;
import static io.freshet.runtime.execution.ExecutionState.RUNNING;
import static io.freshet.runtime.execution.ExecutionState.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutionStateTest {

    /** The table of the class comment, written out once more so that any change to it is deliberate. */
    private static final Map<ExecutionState, Set<ExecutionState>> EXPECTED = new EnumMap<>(ExecutionState.class);

    static {
        EXPECTED.put(CREATED, EnumSet.of(SCHEDULED, CANCELED, FAILED));
        EXPECTED.put(SCHEDULED, EnumSet.of(DEPLOYING, CANCELED, FAILED));
        EXPECTED.put(DEPLOYING, EnumSet.of(INITIALIZING, RUNNING, FINISHED, CANCELING, FAILED));
        EXPECTED.put(INITIALIZING, EnumSet.of(RUNNING, FINISHED, CANCELING, FAILED));
        EXPECTED.put(RUNNING, EnumSet.of(FINISHED, CANCELING, FAILED));
        EXPECTED.put(CANCELING, EnumSet.of(CANCELED, FAILED));
        EXPECTED.put(RECONCILING, EnumSet.of(RUNNING, FINISHED, CANCELING, CANCELED, FAILED));
        EXPECTED.put(FINISHED, EnumSet.noneOf(ExecutionState.class));
        EXPECTED.put(CANCELED, EnumSet.noneOf(ExecutionState.class));
        EXPECTED.put(FAILED, EnumSet.noneOf(ExecutionState.class));
    }

    @Test
    void everyPairOfStatesIsValidExactlyWhenTheTableSaysSo() {
        assertThat(EXPECTED).containsOnlyKeys(ExecutionState.values());
        for (ExecutionState from : ExecutionState.values()) {
            for (ExecutionState to : ExecutionState.values()) {
                assertThat(ExecutionState.isValidTransition(from, to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(EXPECTED.get(from).contains(to));
            }
        }
    }

    @Test
    void onlyFinishedCanceledAndFailedAreTerminal() {
        for (ExecutionState state : ExecutionState.values()) {
            assertThat(state.isTerminal()).as("%s", state).isEqualTo(EnumSet.of(FINISHED, CANCELED, FAILED).contains(state));
        }
    }

    @Test
    void terminalStatesHaveNoSuccessorAndEveryOtherStateCanFail() {
        for (ExecutionState state : ExecutionState.values()) {
            if (state.isTerminal()) {
                assertThat(state.validSuccessors()).as("%s", state).isEmpty();
            } else {
                assertThat(ExecutionState.isValidTransition(state, FAILED)).as("%s", state).isTrue();
            }
        }
    }

    @Test
    void noStateGoesToItselfAndNothingEntersTheEntryStates() {
        for (ExecutionState from : ExecutionState.values()) {
            assertThat(ExecutionState.isValidTransition(from, from)).as("%s", from).isFalse();
            assertThat(ExecutionState.isValidTransition(from, CREATED)).isFalse();
            assertThat(ExecutionState.isValidTransition(from, RECONCILING)).isFalse();
        }
    }

    @Test
    void everyStateIsReachableFromCreatedOrReconciling() {
        Set<ExecutionState> reached = EnumSet.of(CREATED, RECONCILING);
        boolean grew = true;
        while (grew) {
            Set<ExecutionState> next = EnumSet.copyOf(reached);
            for (ExecutionState state : reached) {
                next.addAll(state.validSuccessors());
            }
            grew = next.size() > reached.size();
            reached = next;
        }
        assertThat(reached).containsExactlyInAnyOrder(ExecutionState.values());
    }

    @Test
    void constantsKeepFlinksOrder() {
        assertThat(ExecutionState.values()).containsExactly(CREATED, SCHEDULED, DEPLOYING, RUNNING, FINISHED,
                CANCELING, CANCELED, FAILED, RECONCILING, INITIALIZING);
    }
}
