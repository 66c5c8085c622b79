package com.imagestudio.flow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class StudioRoleEnvironmentPostProcessorTest {

    @ParameterizedTest
    @CsvSource({"worker, NONE", "WORKER, NONE", "web, SERVLET", "all, SERVLET", "'', SERVLET"})
    void onlyAWorkerStartsWithoutAWebServer(String role, WebApplicationType expected) {
        MockEnvironment environment = new MockEnvironment();
        if (!role.isEmpty()) {
            environment.setProperty("studio.role", role);
        }
        SpringApplication application = new SpringApplication(ImageStudioApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);

        new StudioRoleEnvironmentPostProcessor().postProcessEnvironment(environment, application);

        assertThat(application.getWebApplicationType()).isEqualTo(expected);
    }
}
