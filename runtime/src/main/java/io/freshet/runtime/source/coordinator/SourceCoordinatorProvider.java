package io.freshet.runtime.source.coordinator;

import io.freshet.api.connector.source.Source;
import io.freshet.runtime.operators.coordination.OperatorCoordinator;

/** Creates the {@link SourceCoordinator} of one {@code fromSource} operator on the JobManager. */
public final class SourceCoordinatorProvider implements OperatorCoordinator.Provider {

    private static final long serialVersionUID = 1L;

    private final String operatorName;
    private final Source<?, ?, ?> source;

    public SourceCoordinatorProvider(String operatorName, Source<?, ?, ?> source) {
        this.operatorName = operatorName;
        this.source = source;
    }

    @Override
    public OperatorCoordinator create(OperatorCoordinator.Context context) {
        return new SourceCoordinator<>(operatorName, source, context);
    }
}
