package com.imagestudio.flow.web.uploads;

import com.imagestudio.flow.activities.blob.LeftoverFiles;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uploads spool to {@code spring.servlet.multipart.location} (default {@code data/tmp/uploads}),
 * not to Tomcat's folder of the day in the system's temporary folder: a crash mid-upload leaves
 * its file where the next start finds it, and deletes it before the server takes a request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadFolderConfiguration {

    /** Replaces Boot's own, which would hand Tomcat a relative folder to resolve in its work folder. */
    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart) throws IOException {
        String location = multipart.getLocation() == null || multipart.getLocation().isBlank()
                ? "data/tmp/uploads" : multipart.getLocation();
        Path folder = Files.createDirectories(Path.of(location).toAbsolutePath().normalize());
        LeftoverFiles.sweep(folder);
        MultipartConfigElement limits = multipart.createMultipartConfig();
        return new MultipartConfigElement(folder.toString(), limits.getMaxFileSize(), limits.getMaxRequestSize(),
                limits.getFileSizeThreshold());
    }
}
