package com.imagestudio.flow.engine;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The engine on its own, as the studio wires it, for integration tests. */
@SpringBootApplication
public class EngineTestApplication {
}
