package com.imagestudio.flow.web.uploads;

import jakarta.servlet.MultipartConfigElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Where uploads spool, and what becomes of those a crash cut off. */
class UploadFolderConfigurationTest {

    @TempDir
    Path uploads;

    @Test
    void theUploadACrashCutOffIsDeletedAtTheNextStartAndAFreshOneIsKept() throws Exception {
        Path cutOff = Files.writeString(uploads.resolve("upload_0c6f_00000001.tmp"), "18.9 MB, once");
        Files.setLastModifiedTime(cutOff, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path fresh = Files.writeString(uploads.resolve("upload_9ab1_00000002.tmp"), "another process's, arriving");

        new UploadFolderConfiguration().multipartConfigElement(propertiesOn(uploads.toString()));

        assertThat(cutOff).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void uploadsSpoolToTheConfiguredFolderMadeAbsoluteWithTheConfiguredLimits() throws Exception {
        Path nested = uploads.resolve("data/tmp/uploads");
        MultipartProperties properties = propertiesOn(nested.toString());
        properties.setMaxFileSize(DataSize.ofMegabytes(50));

        MultipartConfigElement element = new UploadFolderConfiguration().multipartConfigElement(properties);

        assertThat(element.getLocation()).isEqualTo(nested.toAbsolutePath().toString());
        assertThat(nested).isDirectory();
        assertThat(element.getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(50).toBytes());
    }

    private static MultipartProperties propertiesOn(String location) {
        MultipartProperties properties = new MultipartProperties();
        properties.setLocation(location);
        return properties;
    }
}
