package com.imagestudio.flow.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The editor page in Debian's Chromium, driven like a person would: nodes dragged from the
 * palette, ports connected by dragging, a photo uploaded, the run followed live, workflows saved
 * and opened again.
 * Needs {@code apt-get install chromium chromium-driver} (.ci/run does it); no browser download.
 * Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditorBrowserTest {

    private static final Pattern TRANSLATE = Pattern.compile("translate\\(([-\\d.]+)px, ?([-\\d.]+)px\\)");

    private static ChromiumPage page;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        page = ChromiumPage.start();
        browser = page.driver();
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (page != null) {
            page.close();
        }
    }

    @BeforeEach
    void openEditor() {
        browser.get("http://localhost:" + port + "/");
        page.waitUntil(Duration.ofSeconds(20), () -> page.isPresent("palette-item-Resize"));
    }

    @Test
    void aNewcomerBuildsResizeWatermarkCompressByDragAndConnectRunsItOnAnUploadedPhotoAndDownloadsTheResult()
            throws Exception {
        dropFromPalette("LoadImage", 20, 20);
        dropFromPalette("Resize", 270, 20);
        dropFromPalette("Watermark", 520, 20);
        dropFromPalette("Compress", 20, 330);
        dropFromPalette("SaveToLibrary", 300, 560);
        connect("loadImage", "image", "resize", "image");
        connect("resize", "image", "watermark", "image");
        connect("watermark", "image", "compress", "image");
        connect("compress", "image", "saveToLibrary", "image");
        page.find("layout").click();
        waitForStillViewport();
        page.fill("param-resize-width", "600");
        page.fill("param-resize-height", "400");
        new Select(page.find("param-resize-mode")).selectByValue("exact");
        page.fill("param-watermark-text", "IMAGE STUDIO");
        new Select(page.find("param-watermark-position")).selectByValue("bottom_left");
        page.fill("param-watermark-scale", "0.5");
        page.fill("param-watermark-opacity", "0.9");
        new Select(page.find("param-compress-format")).selectByValue("webp");
        page.fill("param-compress-quality", "70");
        Path photo = Files.createTempFile("photo", ".jpg");
        Files.write(photo, TestPhotos.jpeg(900, 600));
        page.find("upload-loadImage-blob").sendKeys(photo.toAbsolutePath().toString());
        page.waitUntil(Duration.ofSeconds(20), () -> page.isPresent("uploaded-loadImage-blob"));
        page.waitUntil(Duration.ofSeconds(10), () -> page.isPresent("estimate"));
        page.screenshot("1-drawn");

        page.find("run").click();
        for (String node : List.of("loadImage", "resize", "watermark", "compress", "saveToLibrary")) {
            page.waitUntil(Duration.ofSeconds(60), () -> page.textOf("status-" + node).startsWith("succeeded"));
        }
        WebElement thumbnail = page.find("thumb-saveToLibrary");
        page.waitUntil(Duration.ofSeconds(10), () -> page.imageLoaded(thumbnail) && page.imageLoaded(page.find("compare-after")));
        page.screenshot("2-run");

        assertThat(edges()).hasSize(4);
        assertThat(page.textOf("run-status")).isEqualTo("succeeded");
        assertThat(thumbnail.isDisplayed()).isTrue();
        assertThat(page.find("compare-slider").isDisplayed()).as("before/after slider").isTrue();
        WebElement link = page.find("download-saveToLibrary");
        assertThat(link.getDomProperty("href")).endsWith("/api/runs/" + page.textOf("run-id") + "/outputs/saveToLibrary");
        assertThat(link.getDomAttribute("download")).as("the file name the browser saves").isEqualTo("saveToLibrary.webp");
        HttpResponse<byte[]> result = download(link.getDomProperty("href"));
        byte[] file = result.body();
        assertThat(result.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII) + new String(file, 8, 4, StandardCharsets.US_ASCII))
                .as("RIFF....WEBP magic").isEqualTo("RIFFWEBP");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(image.getHeight()).isEqualTo(400);
        // below the red centre square the photo is a smooth gradient: only the stamped text makes sharp edges;
        // the stamp is half the width (300 px) from a 24 px margin, so the left 270 px hold it, the right 270 px not
        int marked = sharpEdges(image, 0, 280, 270, 400);
        int plain = sharpEdges(image, 330, 280, 600, 400);
        assertThat(marked).as("sharp edges in the bottom-left corner, where the watermark is").isGreaterThan(300);
        assertThat(plain).as("sharp edges in the bottom-right corner").isLessThan(10);
        assertThat(file.length).as("WebP at quality 70 against the same pixels as an uncompressed BMP")
                .isLessThan(encoded(image, "bmp").length / 10);
    }

    @Test
    void aSavedWorkflowIsRenamedOpensAfterAReloadAsItWasDrawnAndAChangedGraphSavedAgainIsVersion2() {
        dropFromPalette("LoadImage", 30, 30);
        dropFromPalette("Resize", 380, 80);
        dropFromPalette("SaveToLibrary", 150, 450);
        connect("loadImage", "image", "resize", "image");
        connect("resize", "image", "saveToLibrary", "image");
        page.fill("param-resize-width", "320");
        new Select(page.find("param-resize-mode")).selectByValue("fill");
        Map<String, double[]> drawnAt = flowPositions();

        page.find("workflow-save").click();
        page.waitUntil(Duration.ofSeconds(10), () -> page.textOf("workflow-version").equals("v1") && !page.isPresent("workflow-dirty"));
        String id = page.find("workflow-bar").getDomAttribute("data-workflow-id");
        page.fill("workflow-name", "Shop squares");
        page.find("workflow-name").sendKeys(Keys.ENTER);
        page.waitUntil(Duration.ofSeconds(10), () -> "Shop squares".equals(savedWorkflow(id).get("name")));
        browser.navigate().refresh();
        page.waitUntil(Duration.ofSeconds(20), () -> page.isPresent("palette-item-Resize"));
        assertThat(nodes()).as("a reloaded page starts empty").isEmpty();
        page.find("workflow-open").click();
        page.waitUntil(Duration.ofSeconds(10), () -> page.isPresent("open-" + id));
        page.screenshot("5-open-list");
        assertThat(page.textOf("open-" + id)).contains("Shop squares").contains("v1");
        page.find("open-" + id).click();
        page.waitUntil(Duration.ofSeconds(10), () -> nodes().size() == 3);
        page.screenshot("6-opened");

        assertThat(page.find("workflow-name").getDomProperty("value")).isEqualTo("Shop squares");
        assertThat(page.textOf("workflow-version")).isEqualTo("v1");
        assertThat(page.isPresent("workflow-dirty")).isFalse();
        assertThat(edges()).extracting(e -> e.getDomAttribute("data-id"))
                .containsExactlyInAnyOrder("loadImage.image->resize.image", "resize.image->saveToLibrary.image");
        assertThat(page.find("param-resize-width").getDomProperty("value")).isEqualTo("320");
        assertThat(new Select(page.find("param-resize-mode")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("fill");
        assertThat(page.textOf("workflow-input-photo")).as("the workflow input").contains("loadImage.blob");
        Map<String, double[]> openedAt = flowPositions();
        assertThat(openedAt.keySet()).containsExactlyInAnyOrderElementsOf(drawnAt.keySet());
        drawnAt.forEach((node, at) -> assertThat(openedAt.get(node)).as("where %s was drawn", node)
                .containsExactly(new double[] {at[0], at[1]}, within(1.0)));

        page.fill("param-resize-width", "640");
        page.waitUntil(Duration.ofSeconds(5), () -> page.isPresent("workflow-dirty"));
        page.find("workflow-save").click();
        page.waitUntil(Duration.ofSeconds(10), () -> page.textOf("workflow-version").equals("v2") && !page.isPresent("workflow-dirty"));

        Map<String, Object> saved = savedWorkflow(id);
        assertThat(saved).containsEntry("name", "Shop squares").containsEntry("version", 2).containsEntry("latestVersion", 2);
        List<Map<String, Object>> savedNodes = (List<Map<String, Object>>) ((Map<String, Object>) saved.get("graph")).get("nodes");
        assertThat(savedNodes).filteredOn(n -> "resize".equals(n.get("id")))
                .extracting(n -> (Object) ((Map<?, ?>) n.get("params")).get("width")).containsExactly(640);
    }

    @Test
    void unsavedChangesAreOnlyDiscardedForANewWorkflowOnceThePersonAgrees() {
        dropFromPalette("Resize", 100, 100);

        page.find("workflow-new").click();
        page.waitUntil(Duration.ofSeconds(5), () -> page.isPresent("discard-dialog"));
        page.screenshot("8-discard-dialog");
        page.find("discard-cancel").click();
        page.waitUntil(Duration.ofSeconds(5), () -> !page.isPresent("discard-dialog"));
        assertThat(nodes()).as("kept after Keep editing").hasSize(1);

        page.find("workflow-new").click();
        page.waitUntil(Duration.ofSeconds(5), () -> page.isPresent("discard-dialog"));
        page.find("discard-confirm").click();
        page.waitUntil(Duration.ofSeconds(5), () -> nodes().isEmpty());
        assertThat(page.isPresent("workflow-dirty")).isFalse();
        assertThat(page.find("workflow-name").getDomProperty("value")).isEqualTo("Untitled workflow");
    }

    @Test
    void aGraphTheServerRefusesToSaveShowsItsProblemsInTheNoticeAndStaysUnsaved() {
        dropFromPalette("Resize", 100, 100);

        page.find("workflow-save").click();

        page.waitUntil(Duration.ofSeconds(10), () -> page.textOf("notice").startsWith("Cannot save"));
        page.screenshot("7-refused-save");
        assertThat(page.textOf("notice")).contains("the graph has no output node");
        assertThat(page.isPresent("workflow-version")).isFalse();
        assertThat(page.isPresent("workflow-dirty")).isTrue();
        assertThat(page.find("workflow-bar").getDomAttribute("data-workflow-id")).isEmpty();
    }

    @Test
    void aTextOutputDraggedOntoAnImageInputIsRefusedWhileAnImageOutputConnects() {
        dropFromPalette("CaptionForTests", 30, 30);
        dropFromPalette("LoadImage", 30, 330);
        dropFromPalette("SaveToLibrary", 400, 150);

        connect("captionForTests", "text", "saveToLibrary", "image");
        assertThat(edges()).as("edges after dragging TEXT onto IMAGE").isEmpty();
        page.waitUntil(Duration.ofSeconds(5), () -> page.isPresent("notice"));
        assertThat(page.textOf("notice")).contains("captionForTests.text (TEXT) cannot feed saveToLibrary.image (IMAGE)");
        page.screenshot("3-refused");

        connect("loadImage", "image", "saveToLibrary", "image");
        assertThat(edges()).hasSize(1);
    }

    @Test
    void anImportedGraphWhoseCropFallsOutsideThePhotoShowsTheErrorOnTheCropNode() throws Exception {
        Path workflow = Files.createTempFile("workflow", ".json");
        Files.writeString(workflow, """
                {"graph": {
                   "nodes": [{"id": "load", "type": "LoadImage"},
                             {"id": "crop", "type": "Crop", "params": {"x": 5000, "y": 0, "width": 100, "height": 100}},
                             {"id": "save", "type": "SaveToLibrary"}],
                   "edges": [{"from": "load.image", "to": "crop.image"}, {"from": "crop.image", "to": "save.image"}],
                   "inputs": [{"name": "photo", "node": "load", "param": "blob"}]}}
                """);
        Path photo = Files.createTempFile("photo", ".jpg");
        Files.write(photo, TestPhotos.jpeg(640, 480));

        page.find("import-file").sendKeys(workflow.toAbsolutePath().toString());
        page.waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".react-flow__node")).size() == 3);
        page.find("upload-load-blob").sendKeys(photo.toAbsolutePath().toString());
        page.waitUntil(Duration.ofSeconds(20), () -> page.isPresent("uploaded-load-blob"));
        page.find("run").click();
        page.waitUntil(Duration.ofSeconds(60), () -> page.textOf("run-status").equals("failed"));
        page.screenshot("4-failed");

        assertThat(edges()).hasSize(2);
        assertThat(page.textOf("status-load")).startsWith("succeeded");
        assertThat(page.textOf("status-crop")).isEqualTo("failed");
        assertThat(page.textOf("error-crop")).isNotBlank();
        assertThat(page.textOf("status-save")).isEqualTo("skipped");
        assertThat(node("load").getLocation().getX()).as("imported without positions: laid out left to right")
                .isLessThan(node("crop").getLocation().getX());
    }

    @Test
    void theReadmesFolderWorkflowRunsOncePerPhotoOfAMultipleUploadAndDownloadsAsAZip() throws Exception {
        Path[] photos = new Path[3];
        for (int i = 0; i < photos.length; i++) {
            photos[i] = Files.createTempFile("folder-photo-" + i, ".jpg");
            Files.write(photos[i], TestPhotos.plainJpeg(800 + 100 * i, 600, Color.ORANGE));
        }

        page.find("import-file").sendKeys(Path.of("../examples/folder-square-1080.json").toAbsolutePath().normalize().toString());
        page.waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".react-flow__node")).size() == 4);
        page.waitUntil(Duration.ofSeconds(5), () -> page.isPresent("mapped-save"));
        assertThat(List.of("load", "resize", "encode", "save")).as("nodes marked as run once per image")
                .filteredOn(id -> page.isPresent("mapped-" + id)).containsExactly("resize", "encode", "save");
        page.find("upload-load-blobs").sendKeys(String.join("\n", Stream.of(photos).map(Path::toString).toList()));
        page.waitUntil(Duration.ofSeconds(20), () -> page.isPresent("uploaded-load-blobs"));
        assertThat(page.textOf("workflow-input-photos")).contains("3 images");
        page.find("run").click();
        page.waitUntil(Duration.ofSeconds(120), () -> page.textOf("run-status").equals("succeeded"));
        page.screenshot("5-folder");

        assertThat(page.textOf("list-save")).startsWith("3 images");
        HttpResponse<byte[]> zip = download(page.find("download-save").getAttribute("href"));
        assertThat(zip.headers().firstValue("content-type")).hasValue("application/zip");
        List<int[]> sizes = new ArrayList<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            while (entries.getNextEntry() != null) {
                BufferedImage square = ImageIO.read(new ByteArrayInputStream(entries.readAllBytes()));
                sizes.add(new int[] {square.getWidth(), square.getHeight()});
            }
        }
        assertThat(sizes).hasSize(3).allSatisfy(size -> assertThat(size).containsExactly(1080, 1080));
    }

    @Test
    void aDeletedNodeComesBackWithUndo() {
        dropFromPalette("Resize", 100, 100);
        dropFromPalette("Encode", 450, 100);
        connect("resize", "image", "encode", "image");

        new Actions(browser).click(node("encode").findElement(By.cssSelector("header"))).perform();
        new Actions(browser).sendKeys(Keys.DELETE).perform();
        page.waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".react-flow__node[data-id='encode']")).isEmpty());
        assertThat(edges()).isEmpty();

        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
        page.waitUntil(Duration.ofSeconds(5), () -> !browser.findElements(By.cssSelector(".react-flow__node[data-id='encode']")).isEmpty());
        assertThat(edges()).hasSize(1);

        new Actions(browser).keyDown(Keys.CONTROL).keyDown(Keys.SHIFT).sendKeys("z").keyUp(Keys.SHIFT).keyUp(Keys.CONTROL).perform();
        page.waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".react-flow__node[data-id='encode']")).isEmpty());
        assertThat(edges()).as("redo deletes it again").isEmpty();
    }

    @Test
    void thePaletteSearchFindsANodeByItsAlias() {
        page.find("palette-search").sendKeys("upload");

        page.waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".palette-item")).size() == 2);
        assertThat(page.find("palette-item-LoadImage").getText()).contains("Load image");
        assertThat(page.find("palette-item-LoadImages").getText()).contains("Load images");
    }

    // ---- driving the page

    /** Drags a palette entry onto the canvas, dropping it at (x, y) from the canvas's top left. */
    private void dropFromPalette(String type, int x, int y) {
        WebElement item = page.find("palette-item-" + type);
        WebElement pane = browser.findElement(By.cssSelector(".react-flow__pane"));
        Rectangle box = pane.getRect();
        int before = browser.findElements(By.cssSelector(".react-flow__node")).size();
        new Actions(browser).clickAndHold(item).moveByOffset(15, 5)
                .moveToElement(pane, x - box.getWidth() / 2, y - box.getHeight() / 2)
                .release().perform();
        page.waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".react-flow__node")).size() == before + 1);
    }

    /** Drags from an output port's handle to an input port's handle. */
    private void connect(String fromNode, String fromPort, String toNode, String toPort) {
        WebElement from = node(fromNode).findElement(By.cssSelector(".react-flow__handle.source[data-handleid='" + fromPort + "']"));
        WebElement to = node(toNode).findElement(By.cssSelector(".react-flow__handle.target[data-handleid='" + toPort + "']"));
        int before = edges().size();
        new Actions(browser).clickAndHold(from).moveByOffset(30, 10).moveToElement(to, 0, 0).moveToElement(to)
                .release().perform();
        // an accepted edge appears at once; give a refused one the same time to (not) appear
        page.waitUntil(Duration.ofSeconds(2), () -> edges().size() > before, false);
    }

    /** Auto-layout ends in an animated fit-to-view: clicks during it land on whatever slides under the pointer. */
    private void waitForStillViewport() {
        String[] last = {""};
        int[] stillReads = {0};
        page.waitUntil(Duration.ofSeconds(5), () -> {
            String now = browser.findElement(By.cssSelector(".react-flow__viewport")).getDomAttribute("style");
            stillReads[0] = now.equals(last[0]) ? stillReads[0] + 1 : 0;
            last[0] = now;
            return stillReads[0] >= 4; // unchanged for 400 ms: longer than the 50 ms delay plus the 200 ms animation
        });
    }

    private WebElement node(String id) {
        return browser.findElement(By.cssSelector(".react-flow__node[data-id='" + id + "']"));
    }

    private List<WebElement> edges() {
        return browser.findElements(By.cssSelector(".react-flow__edge"));
    }

    private List<WebElement> nodes() {
        return browser.findElements(By.cssSelector(".react-flow__node"));
    }

    /** Where each node sits on the canvas (flow coordinates, whatever the zoom), read from its transform. */
    private Map<String, double[]> flowPositions() {
        Map<String, double[]> positions = new HashMap<>();
        for (WebElement node : nodes()) {
            Matcher at = TRANSLATE.matcher(node.getDomAttribute("style"));
            assertThat(at.find()).as("transform of node %s", node.getDomAttribute("data-id")).isTrue();
            positions.put(node.getDomAttribute("data-id"), new double[] {Double.parseDouble(at.group(1)), Double.parseDouble(at.group(2))});
        }
        return positions;
    }

    /** The saved workflow as the API answers it, for the local user the page runs as. */
    private Map<String, Object> savedWorkflow(String id) {
        return RestClient.create("http://localhost:" + port).get().uri("/api/workflows/{id}", id).retrieve().body(Map.class);
    }

    private static HttpResponse<byte[]> download(String href) throws IOException, InterruptedException {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Pixels whose colour jumps from their left neighbour's by more than 60 in a channel: edges, not a gradient. */
    private static int sharpEdges(BufferedImage image, int fromX, int fromY, int toX, int toY) {
        int count = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = fromX + 1; x < toX; x++) {
                int left = image.getRGB(x - 1, y);
                int here = image.getRGB(x, y);
                int jump = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    jump = Math.max(jump, Math.abs(((left >> shift) & 0xFF) - ((here >> shift) & 0xFF)));
                }
                count += jump > 60 ? 1 : 0;
            }
        }
        return count;
    }

    private static byte[] encoded(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("a %s writer", format).isTrue();
        return out.toByteArray();
    }
}
