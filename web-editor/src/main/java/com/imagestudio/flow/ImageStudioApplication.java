package com.imagestudio.flow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Image Studio Flow: the REST API, the editor page, and (unless told otherwise) a worker. */
@SpringBootApplication
public class ImageStudioApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImageStudioApplication.class, args);
    }
}
