package io.freshet.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskInfoImplTest {

    @Test
    void taskNameWithSubtasksCountsSubtasksFromOne() {
        TaskInfo info = new TaskInfoImpl("Map", 128, 2, 4, 1);

        assertThat(info.getTaskNameWithSubtasks()).isEqualTo("Map (3/4)#1");
        assertThat(info.getAllocationIDAsString()).isEqualTo("UNKNOWN");
    }

    @Test
    void numbersBreakingTheInvariantsAreRejected() {
        assertThatThrownBy(() -> new TaskInfoImpl("t", 4, 4, 4, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index");
        assertThatThrownBy(() -> new TaskInfoImpl("t", 2, 0, 4, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Max parallelism");
        assertThatThrownBy(() -> new TaskInfoImpl("t", 4, -1, 4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaskInfoImpl("t", 4, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaskInfoImpl("t", 4, 0, 4, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
