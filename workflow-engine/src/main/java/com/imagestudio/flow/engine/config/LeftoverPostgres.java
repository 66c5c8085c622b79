package com.imagestudio.flow.engine.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Clears the way for the embedded PostgreSQL on a data folder: a studio killed with
 * {@code kill -9} leaves its postmaster running (and its {@code postmaster.pid} in the folder),
 * and a new one would refuse to start beside it.
 */
final class LeftoverPostgres {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

    /** The file the zonky library locks for as long as its JVM uses the folder. */
    static final String OWNER_LOCK = "epg-lock";
    static final String PID_FILE = "postmaster.pid";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private LeftoverPostgres() {
    }

    /**
     * Stops a postmaster left on {@code dataDir} by a dead JVM and removes a stale
     * {@code postmaster.pid} (its process gone, or its number now another program's). A folder
     * a live process still holds is left alone: the start then fails saying the folder is locked.
     */
    static void clear(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile) || ownedByALiveProcess(dataDir)) {
            return;
        }
        Optional<ProcessHandle> postmaster = firstLinePid(pidFile).flatMap(ProcessHandle::of)
                .filter(p -> isPostmasterOf(p, dataDir));
        if (postmaster.isPresent()) {
            log.warn("Stopping the PostgreSQL (pid {}) a killed studio left running on {}", postmaster.get().pid(), dataDir);
            stop(postmaster.get());
        }
        // after a stop that had to kill, or naming a process that is not ours: the file is stale
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> firstLinePid(Path pidFile) throws IOException {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NoSuchFileException | NumberFormatException e) {
            // gone meanwhile, or half-written by a postmaster killed as it started: no process to stop
            return Optional.empty();
        }
    }

    private static boolean ownedByALiveProcess(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** A postgres executable started with {@code -D} on this very folder. */
    static boolean isPostmasterOf(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres")).orElse(false);
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; postgres && i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && sameFile(Path.of(arguments[i + 1]), dataDir)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM (its clients died with their JVM, so it shuts down at once), then SIGKILL. */
    private static void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        if (!exited(postmaster)) {
            log.warn("PostgreSQL (pid {}) did not stop within {}: killing it", postmaster.pid(), PATIENCE);
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            if (!exited(postmaster)) {
                throw new IllegalStateException("cannot stop the PostgreSQL left running as pid " + postmaster.pid());
            }
        }
    }

    private static boolean exited(ProcessHandle process) {
        try {
            process.onExit().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for pid " + process.pid() + " to exit", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for pid " + process.pid() + " to exit", e);
        }
    }
}
