package com.imagestudio.flow.catalog.reference;

import com.imagestudio.flow.catalog.schema.Choice;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamType;

import java.util.ArrayList;
import java.util.List;

/** Parameters whose choices are the create-studio data: a template or a style preset, or "none". */
public final class CreateStudioParams {

    public static final String NONE = "none";

    private CreateStudioParams() {
    }

    public static ParamSpec template(String name, String description, String defaultId) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(NONE, "None", "No publishing format"));
        PlatformTemplates.all().forEach(t -> choices.add(new Choice(t.id(), t.name(),
                t.platform() + ", " + t.width() + "x" + t.height())));
        return new ParamSpec(name, ParamType.ENUM, description, defaultId, null, null, choices, null, false);
    }

    public static ParamSpec style(String name, String description) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(NONE, "None", "No style preset"));
        StylePresets.all().forEach(s -> choices.add(new Choice(s.id(), s.name(), String.join(", ", s.promptFragments()))));
        return new ParamSpec(name, ParamType.ENUM, description, NONE, null, null, choices, null, false);
    }
}
