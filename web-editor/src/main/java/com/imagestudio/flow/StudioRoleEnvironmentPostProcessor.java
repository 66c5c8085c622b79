package com.imagestudio.flow;

import com.imagestudio.flow.engine.config.StudioProperties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code studio.role=worker} starts no web server: the application becomes a plain (non-web)
 * context with the Temporal worker in it. The role is read once the configuration files and the
 * environment are loaded, so it may come from any of them ({@code STUDIO_ROLE=worker}); an explicit
 * {@code spring.main.web-application-type} still wins.
 */
public class StudioRoleEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        StudioProperties.Role role = Binder.get(environment)
                .bind("studio.role", StudioProperties.Role.class)
                .orElse(StudioProperties.Role.ALL);
        if (!role.servesWeb()) {
            application.setWebApplicationType(WebApplicationType.NONE);
        }
    }
}
