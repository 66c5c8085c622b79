package com.imagestudio.flow.engine.config;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True unless {@code studio.role} is {@code web}: every other process polls the task queue. */
class RunsWorkerCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
                .bind("studio.role", StudioProperties.Role.class)
                .orElse(StudioProperties.Role.ALL)
                .runsWorker();
    }
}
