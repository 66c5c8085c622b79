package com.imagestudio.flow.engine.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL starts again on its data folder whatever the last studio left there. */
class EmbeddedPostgresRestartTest {

    private static final String READY = "postgres ready";

    @TempDir
    Path data;

    @Test
    void aStudioKilledWithSigkillLeavesItsPostgresRunningAndTheNextStartStopsItAndKeepsTheData() throws Exception {
        Process studio = studioWritingARow(data);
        long orphan = pidIn(data);
        studio.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(orphan)).as("the postmaster outlives its JVM").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        try (EmbeddedPostgres again = EmbeddedPostgresConfiguration.start(data.toString())) {
            assertThat(query(again, "SELECT text FROM notes")).containsExactly("written before the crash");
        }
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aPostmasterPidNamingALiveProcessThatIsNotOurPostgresIsStaleAndThatProcessIsLeftAlone() throws Exception {
        EmbeddedPostgresConfiguration.start(data.toString()).close();
        Process stranger = new ProcessBuilder("sleep", "600").start();
        try {
            Files.writeString(data.resolve(LeftoverPostgres.PID_FILE), stranger.pid() + "\n" + data + "\n");

            try (EmbeddedPostgres again = EmbeddedPostgresConfiguration.start(data.toString())) {
                assertThat(query(again, "SELECT 'up'")).containsExactly("up");
            }
            assertThat(stranger.isAlive()).isTrue();
        } finally {
            stranger.destroyForcibly();
        }
    }

    /** A child JVM that starts the embedded server on {@code dir}, writes a row, and waits to be killed. */
    private static Process studioWritingARow(Path dir) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process studio = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classPath, KilledStudio.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(studio.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals(READY)) {
                return studio;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child studio ended before its PostgreSQL was ready:\n" + seen);
    }

    private static long pidIn(Path dir) throws IOException {
        return Long.parseLong(Files.readAllLines(dir.resolve(LeftoverPostgres.PID_FILE)).get(0).trim());
    }

    private static List<String> query(EmbeddedPostgres postgres, String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** The studio's embedded database as the application starts it, in a JVM the test kills. */
    static final class KilledStudio {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start(args[0]);
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE notes (text text)");
                statement.execute("INSERT INTO notes VALUES ('written before the crash')");
            }
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
