package com.imagestudio.flow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/** Image Studio Flow: the REST API, the editor page, and (unless told otherwise) a worker. */
/* users come from API keys (ApiKeySecurity): no generated password */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class ImageStudioApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImageStudioApplication.class, args);
    }
}
