package com.imagestudio.flow.catalog.reference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The style presets of the create studio, as data. Ids are stable: saved graphs refer to them. */
public final class StylePresets {

    private static final String BLURRY = "blurry, low quality, jpeg artefacts, watermark, text errors";

    private static final List<StylePreset> ALL = List.of(
            // the looks Stability names (its style_preset values)
            style("photographic", "Photographic", "photograph, natural light, sharp focus, high detail", "cartoon, illustration, " + BLURRY, "photographic", "Realistic"),
            style("cinematic", "Cinematic", "cinematic still, dramatic lighting, shallow depth of field, film grain", BLURRY, "cinematic", "Realistic"),
            style("anime", "Anime", "anime style, clean line art, vibrant cel shading", "photo, realistic, " + BLURRY, "anime", "General"),
            style("digital_art", "Digital art", "digital painting, detailed, vivid colours", BLURRY, "digital-art", "General"),
            style("comic_book", "Comic book", "comic book art, bold ink outlines, halftone shading", "photo, " + BLURRY, "comic-book", "Design"),
            style("fantasy_art", "Fantasy art", "epic fantasy illustration, magical atmosphere, intricate detail", BLURRY, "fantasy-art", "General"),
            style("line_art", "Line art", "clean line art, monochrome, minimal shading", "colour fill, photo, " + BLURRY, "line-art", "Design"),
            style("analog_film", "Analog film", "35mm analog film photo, soft grain, faded colours", "digital look, " + BLURRY, "analog-film", "Realistic"),
            style("neon_punk", "Neon punk", "neon punk, glowing neon lights, saturated magenta and cyan", BLURRY, "neon-punk", "General"),
            style("isometric", "Isometric", "isometric 3D view, clean geometry, soft shadows", "perspective distortion, " + BLURRY, "isometric", "Design"),
            style("low_poly", "Low poly", "low poly 3D render, flat shaded facets", BLURRY, "low-poly", "Design"),
            style("origami", "Origami", "folded paper origami, crisp creases, studio light", BLURRY, "origami", "General"),
            style("modeling_compound", "Clay model", "plasticine clay model, handmade texture", BLURRY, "modeling-compound", "General"),
            style("model_3d", "3D model", "3D render, physically based materials, studio lighting", "flat, " + BLURRY, "3d-model", "General"),
            style("pixel_art", "Pixel art", "pixel art, limited palette, crisp pixels", "smooth gradients, " + BLURRY, "pixel-art", "Design"),
            style("tile_texture", "Tile texture", "seamless tileable texture, even lighting", "visible seams, " + BLURRY, "tile-texture", "Design"),
            style("enhance", "Enhance", "highly detailed, professional quality", BLURRY, "enhance", "Auto"),
            // looks built from prompt fragments only
            style("watercolor", "Watercolour", "watercolour painting, soft washes, paper texture", "photo, " + BLURRY, null, "General"),
            style("oil_painting", "Oil painting", "oil painting on canvas, visible brush strokes, rich colour", "photo, " + BLURRY, null, "General"),
            style("pencil_sketch", "Pencil sketch", "graphite pencil sketch, cross-hatching, paper grain", "colour, photo, " + BLURRY, "line-art", "Design"),
            style("minimalist", "Minimalist", "minimalist composition, generous negative space, simple shapes", "clutter, busy background, " + BLURRY, null, "Design"),
            style("flat_illustration", "Flat illustration", "flat vector illustration, bold shapes, limited palette", "photo, gradients, " + BLURRY, null, "Design"),
            style("vaporwave", "Vaporwave", "vaporwave aesthetic, pastel pink and teal, retro 90s computer graphics", BLURRY, "neon-punk", "Design"),
            style("cyberpunk", "Cyberpunk", "cyberpunk city, rain-soaked neon streets, high-tech low-life", BLURRY, "neon-punk", "General"),
            style("steampunk", "Steampunk", "steampunk, brass gears, Victorian machinery, warm tones", BLURRY, "fantasy-art", "General"),
            style("art_deco", "Art deco", "art deco design, geometric ornament, gold and black", BLURRY, null, "Design"),
            style("art_nouveau", "Art nouveau", "art nouveau, flowing organic lines, ornamental frame", BLURRY, null, "Design"),
            style("pop_art", "Pop art", "pop art, bold flat colours, Ben-Day dots", "photo, " + BLURRY, "comic-book", "Design"),
            style("ukiyo_e", "Ukiyo-e", "ukiyo-e woodblock print, flat colour areas, fine outlines", "photo, " + BLURRY, null, "General"),
            style("impressionist", "Impressionist", "impressionist painting, dappled light, loose brushwork", "photo, " + BLURRY, null, "General"),
            style("surreal", "Surreal", "surrealist scene, dreamlike, impossible juxtapositions", BLURRY, "fantasy-art", "General"),
            style("gothic", "Gothic", "dark gothic atmosphere, dramatic shadows, ornate details", BLURRY, "fantasy-art", "General"),
            style("product_studio", "Studio product shot", "studio product photography, seamless backdrop, softbox lighting, crisp reflections", "clutter, people, " + BLURRY, "photographic", "Realistic"),
            style("food", "Food photography", "food photography, appetising, shallow depth of field, natural window light", BLURRY, "photographic", "Realistic"),
            style("fashion_editorial", "Fashion editorial", "high fashion editorial photo, dramatic pose, magazine quality", BLURRY, "photographic", "Realistic"),
            style("architectural", "Architectural", "architectural photography, straight verticals, wide angle, blue hour", "distorted lines, " + BLURRY, "photographic", "Realistic"),
            style("macro", "Macro", "macro photograph, extreme close-up, fine texture detail", BLURRY, "photographic", "Realistic"),
            style("aerial", "Aerial", "aerial drone photograph, top-down view, expansive landscape", BLURRY, "photographic", "Realistic"),
            style("vintage_poster", "Vintage poster", "vintage travel poster, screen-printed look, bold typography", BLURRY, null, "Design"),
            style("claymation", "Claymation", "claymation stop-motion character, fingerprints in clay", BLURRY, "modeling-compound", "General"),
            style("papercut", "Paper cut", "layered paper cut art, depth shadows between layers", BLURRY, "origami", "Design"),
            style("stained_glass", "Stained glass", "stained glass window, lead lines, luminous colour", BLURRY, null, "Design"),
            style("childrens_book", "Children's book", "children's book illustration, gentle colours, friendly characters", "scary, " + BLURRY, "digital-art", "General"),
            style("retro_80s", "Retro 80s", "1980s retro style, synthwave sunset grid, chrome text", BLURRY, "neon-punk", "Design"),
            style("noir", "Film noir", "film noir, black and white, hard shadows, venetian blind light", "colour, " + BLURRY, "cinematic", "Realistic"),
            style("golden_hour", "Golden hour portrait", "portrait at golden hour, warm rim light, soft bokeh", BLURRY, "photographic", "Realistic"),
            style("corporate", "Corporate", "clean corporate visual, modern office, bright and professional", BLURRY, "photographic", "Realistic"),
            style("sticker", "Sticker", "die-cut sticker, thick white border, flat colours", "background scenery, " + BLURRY, null, "Design"),
            style("logo", "Logo mark", "simple vector logo mark, centred, flat colours, white background", "photo, gradients, " + BLURRY, "line-art", "Design"));

    private static final Map<String, StylePreset> BY_ID = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(StylePreset::id, Function.identity()));

    private StylePresets() {
    }

    public static List<StylePreset> all() {
        return ALL;
    }

    public static Optional<StylePreset> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    private static StylePreset style(String id, String name, String fragments, String negative,
                                     String stability, String ideogram) {
        return new StylePreset(id, name, List.of(fragments.split(",\\s*")), negative, stability, ideogram);
    }
}
