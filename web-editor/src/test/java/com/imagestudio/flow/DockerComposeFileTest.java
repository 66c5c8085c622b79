package com.imagestudio.flow;

import com.imagestudio.flow.catalog.provider.Provider;
import com.imagestudio.flow.engine.config.StudioProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's docker-compose.yml, read as Compose would read it (no Docker engine here): the
 * services exist, and the studio's and worker's environment binds to the studio's real settings,
 * pointing at services the file defines.
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Compose's {@code ${NAME:-default}}: the test reads the defaults. */
    private static final Pattern COMPOSE_DEFAULT = Pattern.compile("\\$\\{([A-Z0-9_]+):-([^}]*)}");
    private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTheComposeFile() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void theProductionShapeHasEveryService() {
        assertThat(services).containsKeys("postgresql", "temporal", "temporal-ui", "minio", "minio-setup", "studio", "worker");
        assertThat(services.get("postgresql").get("image")).asString().startsWith("postgres:17");
        assertThat(services.get("temporal").get("image")).asString().startsWith("temporalio/auto-setup:");
        assertThat(services.get("temporal-ui").get("image")).asString().startsWith("temporalio/ui:");
        assertThat(environment("temporal")).containsEntry("DB", "postgres12").containsEntry("POSTGRES_SEEDS", "postgresql");
    }

    @Test
    void theStudioServesTheWebAndTheWorkerOnlyRunsWorkflows() {
        assertThat(settings("studio").role()).isEqualTo(StudioProperties.Role.WEB);
        assertThat(settings("worker").role()).isEqualTo(StudioProperties.Role.WORKER);
        assertThat(services.get("studio")).containsKey("ports");
    }

    @Test
    void workersCanBeScaledBecauseNothingInThemIsUnique() {
        assertThat(services.get("worker")).doesNotContainKeys("ports", "container_name", "hostname");
    }

    @Test
    void studioAndWorkerAreBuiltFromTheRootDockerfileAsAJre17Image() throws IOException {
        assertThat(services.get("studio").get("build")).isEqualTo(".");
        assertThat(services.get("worker").get("build")).isEqualTo(".");
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("./mvnw", "web-editor/target/image-studio-flow.jar");
        List<String> stages = dockerfile.lines().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(stages.get(stages.size() - 1)).startsWith("FROM eclipse-temurin:17-jre");
    }

    @Test
    void everyVariableGivenToTheStudioIsOneItReads() throws IOException {
        Set<String> read = SPRING_PLACEHOLDER.matcher(new ClassPathResource("application.yml").getContentAsString(
                java.nio.charset.StandardCharsets.UTF_8)).results().map(m -> m.group(1)).collect(Collectors.toSet());
        read.addAll(Arrays.stream(Provider.values()).map(Provider::envVariable).toList());

        for (String service : List.of("studio", "worker")) {
            StandardEnvironment spring = springEnvironment(service);
            assertThat(environment(service).keySet()).allSatisfy(name -> {
                if (!read.contains(name)) {
                    // Spring's relaxed binding: SPRING_DATASOURCE_URL is spring.datasource.url
                    String property = name.toLowerCase().replace('_', '.');
                    assertThat(property).as("%s in service %s is read by nothing", name, service).startsWith("spring.datasource.");
                    assertThat(spring.getProperty(property)).isEqualTo(environment(service).get(name));
                }
            });
        }
    }

    @Test
    void theStudioUsesThePostgresqlTemporalAndBucketTheFileDefines() {
        for (String service : List.of("studio", "worker")) {
            StudioProperties settings = settings(service);
            URI database = URI.create(springEnvironment(service).getProperty("spring.datasource.url").substring("jdbc:".length()));
            assertThat(database.getHost()).isEqualTo("postgresql");
            assertThat(database.getPath()).isEqualTo("/" + environment("postgresql").get("POSTGRES_DB"));
            assertThat(springEnvironment(service).getProperty("spring.datasource.password"))
                    .isEqualTo(environment("postgresql").get("POSTGRES_PASSWORD"));

            assertThat(settings.temporal().target()).isEqualTo(environment("temporal-ui").get("TEMPORAL_ADDRESS"))
                    .startsWith("temporal:");

            StudioProperties.Blobs.S3 s3 = settings.blobs().s3();
            assertThat(settings.blobs().store()).isEqualTo(StudioProperties.Blobs.Store.S3);
            assertThat(URI.create(s3.endpoint()).getHost()).isEqualTo("minio");
            assertThat(s3.pathStyle()).isTrue();
            assertThat(s3.accessKey()).isEqualTo(environment("minio").get("MINIO_ROOT_USER"));
            assertThat(s3.secretKey()).isEqualTo(environment("minio").get("MINIO_ROOT_PASSWORD"));
            assertThat(String.valueOf(services.get("minio-setup").get("entrypoint"))).contains("mc mb", "/" + s3.bucket());
        }
    }

    /** The studio's settings as the service's environment and the packaged application.yml make them. */
    private static StudioProperties settings(String service) {
        return Binder.get(springEnvironment(service)).bind("studio", StudioProperties.class).get();
    }

    /** Only the service's environment and application.yml: not this machine's variables. */
    private static StandardEnvironment springEnvironment(String service) {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new LinkedHashMap<>(environment(service))));
        try {
            for (PropertySource<?> yaml : new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
                spring.getPropertySources().addLast(yaml);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return spring;
    }

    /** A service's environment with Compose's defaults filled in. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        Map<String, Object> environment = new LinkedHashMap<>();
        ((Map<String, Object>) services.get(service).getOrDefault("environment", Map.of()))
                .forEach((name, value) -> environment.put(name, withDefaults(String.valueOf(value))));
        return environment;
    }

    private static String withDefaults(String value) {
        Matcher matcher = COMPOSE_DEFAULT.matcher(value);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(2)));
    }
}
