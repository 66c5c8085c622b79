package com.imagestudio.flow.web;

import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A free pass-through on the test class path only that holds until the file named by its
 * {@code file} parameter exists (no file: it does not wait). The file system is the one thing a
 * test shares with a worker in another process, so a test opens the gate by creating the file.
 */
public final class GateForTests implements StudioNode<String> {

    private static final Duration LONGEST_WAIT = Duration.ofMinutes(3);

    private static final NodeSchema SCHEMA = NodeSchema.builder("GateForTests", 1)
            .category("Tests")
            .input(Port.required("image", PortType.IMAGE, ""))
            .output(Port.required("image", PortType.IMAGE, ""))
            .param(ParamSpec.string("file", "a file to wait for; none by default"))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public String params(ParamValues values) {
        return values.stringOr("file", null);
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, String file) {
        Instant deadline = Instant.now().plus(LONGEST_WAIT);
        while (file != null && !Files.exists(Path.of(file))) {
            if (Instant.now().isAfter(deadline)) {
                throw new BadInputException("the gate " + file + " stayed closed for " + LONGEST_WAIT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at the gate " + file, e);
            }
        }
        return NodeOutputs.create().value("image", inputs.value("image"));
    }
}
