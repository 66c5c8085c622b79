package com.imagestudio.flow.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library, batches and schedules pages in Debian's Chromium, on data made over the API as the
 * local user (the one the browser is). Each test names its data with a word of its own, since the
 * Spring context, and so the database, is shared with the other browser tests.
 * Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudioPagesBrowserTest {

    private static ChromiumPage page;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    RestClient http;
    String word;

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
    void localUser() {
        http = RestClient.create("http://localhost:" + port);
        word = "w" + Long.toString(System.nanoTime(), 36);
    }

    // ---- navigation

    @Test
    void theEditorKeepsItsGraphWhileAnotherPageShowsAndStaysAtTheBareAddress() {
        open("/");
        page.waitUntil(Duration.ofSeconds(20), () -> page.isPresent("palette-item-Resize"));
        page.find("palette-item-Resize").click();
        page.waitUntil(Duration.ofSeconds(5), () -> editorNodes().size() == 1);

        page.find("nav-library").click();
        page.waitUntil(Duration.ofSeconds(10), () -> page.find("asset-search").isDisplayed());
        assertThat(browser.getCurrentUrl()).endsWith("/#/library");
        assertThat(browser.findElement(By.cssSelector(".react-flow")).isDisplayed()).isFalse();

        page.find("nav-editor").click();
        page.waitUntil(Duration.ofSeconds(5), () -> editorNodes().size() == 1 && editorNodes().get(0).isDisplayed());
        assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/");
        assertThat(page.find("nav-editor").getDomAttribute("aria-current")).isEqualTo("page");
    }

    // ---- library

    @Test
    void assetsShowAsLoadedThumbnailsAndSearchingNarrowsTheGrid() {
        String dawn = uploadAsset("Harbour dawn " + word, 400, 300);
        String dusk = uploadAsset("Harbour dusk " + word, 300, 400);
        String meadow = uploadAsset("Meadow " + word, 320, 320);

        open("/#/library");
        page.waitUntil(Duration.ofSeconds(20), () -> shownAssets().containsAll(List.of(dawn, dusk, meadow))
                && List.of(dawn, dusk, meadow).stream().allMatch(id -> page.imageLoaded(page.find("thumb-" + id))));
        page.screenshot("pages-1-library-grid");
        assertThat(page.naturalSize(page.find("thumb-" + dawn))).isEqualTo(new Dimension(400, 300));
        assertThat(page.naturalSize(page.find("thumb-" + dusk))).isEqualTo(new Dimension(300, 400));

        page.find("asset-search").sendKeys("harbour " + word);

        page.waitUntil(Duration.ofSeconds(10), () -> shownAssets().equals(Set.of(dawn, dusk)));
        assertThat(page.textOf("asset-count")).startsWith("2 assets");
    }

    @Test
    void aFavouriteMarkedOnTheGridIsKept() {
        String id = uploadAsset("Lighthouse " + word, 200, 150);
        open("/#/library");
        page.waitUntil(Duration.ofSeconds(20), () -> page.isPresent("favourite-" + id));

        page.find("favourite-" + id).click();

        page.waitUntil(Duration.ofSeconds(10), () -> Boolean.TRUE.equals(asset(id).get("favourite")));
        assertThat(page.find("favourite-" + id).getDomAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    void anAssetAddedToANewCollectionShowsUnderThatCollectionsFilter() {
        String kept = uploadAsset("Cliffs " + word, 240, 160);
        String other = uploadAsset("Dunes " + word, 240, 160);
        open("/#/library");
        page.waitUntil(Duration.ofSeconds(20), () -> shownAssets().containsAll(List.of(kept, other)));

        page.find("new-collection-name").sendKeys("Picks " + word);
        page.find("create-collection").click();
        String collection = awaitCollection("Picks " + word);
        page.waitUntil(Duration.ofSeconds(5), () -> page.isPresent("collection-" + collection));
        page.find("select-" + kept).click();
        page.select("bulk-add-to-collection", collection);
        page.waitUntil(Duration.ofSeconds(10), () -> page.textOf("collection-" + collection).endsWith("1"));
        page.find("collection-" + collection).click();

        page.waitUntil(Duration.ofSeconds(10), () -> shownAssets().equals(Set.of(kept)));
        page.screenshot("pages-2-library-collection-filter");
        assertThat(page.textOf("asset-count")).isEqualTo("1 asset in Picks " + word);
    }

    @Test
    void theListViewShowsEachAssetsTypeDimensionsAndSize() {
        String id = uploadAsset("Pier " + word, 320, 240);
        open("/#/library");
        page.waitUntil(Duration.ofSeconds(20), () -> page.isPresent("asset-" + id));

        page.find("view-list").click();

        page.waitUntil(Duration.ofSeconds(5), () -> page.isPresent("asset-" + id) && "TR".equals(page.find("asset-" + id).getTagName().toUpperCase()));
        page.screenshot("pages-2-library-list");
        assertThat(page.textOf("asset-" + id)).contains("Pier " + word).contains("image 320×240").contains("KB");
    }

    @Test
    void anOutputsDetailsShowTheRunThatMadeItAndThePhotoItWasMadeFrom() {
        String source = uploadAsset("Source photo " + word, 90, 60);
        String workflow = saveWorkflow("Lineage " + word);
        Map<?, ?> run = http.post().uri("/api/workflows/" + workflow + "/runs?wait=60").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("inputs", Map.of("photo", asset(source).get("blobHash"), "width", 30)))
                .retrieve().body(Map.class);
        assertThat(run.get("status")).isEqualTo("SUCCEEDED");
        String runId = (String) run.get("id");
        List<?> made = (List<?>) http.get().uri("/api/assets?run=" + runId).retrieve().body(Map.class).get("items");
        String output = (String) ((Map<?, ?>) made.get(0)).get("id");
        open("/#/library");
        page.waitUntil(Duration.ofSeconds(20), () -> page.isPresent("asset-" + output));

        page.find("asset-" + output).click();

        page.waitUntil(Duration.ofSeconds(10), () -> page.isPresent("lineage-source-" + source));
        assertThat(page.textOf("details-run")).contains(runId).contains("workflow " + workflow);
        assertThat(page.naturalSize(page.find("details-thumb"))).isEqualTo(new Dimension(30, 32));
        page.screenshot("pages-3-library-lineage");
        page.find("lineage-source-" + source).click();
        page.waitUntil(Duration.ofSeconds(10), () -> page.isPresent("lineage-derived-" + output));
        assertThat(page.textOf("asset-details")).contains("Source photo " + word).contains("Uploaded, not made by a run");
    }

    // ---- batches

    @Test
    void aBatchFromAnUploadedCsvRunsEveryRowAndItsResultsCsvListsThem() throws IOException {
        String workflow = saveWorkflow("Thumbnails " + word);
        Path folder = Files.createTempDirectory("batch");
        Path csv = Files.writeString(folder.resolve("rows.csv"), "photo,w\nsea.jpg,24\nhill.jpg,16\nfield.jpg,12\n");
        Path[] images = {photo(folder, "sea.jpg", 60, 40), photo(folder, "hill.jpg", 50, 50), photo(folder, "field.jpg", 80, 30)};
        open("/#/batches");
        page.waitUntil(Duration.ofSeconds(20), () -> hasOption("batch-workflow", workflow));

        page.select("batch-workflow", workflow);
        page.chooseFiles("batch-csv", csv);
        page.chooseFiles("batch-images", images);
        page.waitUntil(Duration.ofSeconds(10), () -> page.isPresent("map-width") && page.isPresent("csv-preview"));
        assertThat(page.valueOf("map-photo")).as("prefilled: the column has the input's name").isEqualTo("photo");
        page.select("map-width", "w");
        page.screenshot("pages-4-batch-mapped");
        page.find("batch-start").click();

        page.waitUntil(Duration.ofSeconds(90), () -> page.textOf("batch-progress-label").equals("3/3")
                && page.textOf("batch-status").equals("succeeded"));
        page.screenshot("pages-5-batch-done");
        assertThat(browser.findElements(By.cssSelector("[data-testid^='batch-row-']"))).hasSize(3);
        String results = http.get().uri(page.find("batch-results-csv").getDomAttribute("href")).retrieve().body(String.class);
        List<String> lines = results.lines().toList();
        assertThat(lines).hasSize(4).first().isEqualTo("line,status,run_id,output_hashes,output_urls,error");
        Map<String, Integer> widthByLine = Map.of("2", 24, "3", 16, "4", 12);
        for (String line : lines.subList(1, 4)) {
            String[] cells = line.split(",", -1);
            assertThat(cells[1]).isEqualTo("SUCCEEDED");
            BufferedImage output = ImageIO.read(new ByteArrayInputStream(http.get().uri(cells[4]).retrieve().body(byte[].class)));
            assertThat(output.getWidth()).as("line " + cells[0]).isEqualTo(widthByLine.get(cells[0]));
            assertThat(output.getHeight()).isEqualTo(32);
        }
    }

    @Test
    void aCsvWithABadRowShowsThatRowsLineAndStartsNothing() throws IOException {
        String workflow = saveWorkflow("Thumbnails " + word);
        Path folder = Files.createTempDirectory("batch");
        Path csv = Files.writeString(folder.resolve("rows.csv"), "photo,width\nsea.jpg,24\nhill.jpg,0\nsea.jpg,12\n");
        Path[] images = {photo(folder, "sea.jpg", 60, 40), photo(folder, "hill.jpg", 50, 50)};
        int batchesBefore = batchCount();
        open("/#/batches");
        page.waitUntil(Duration.ofSeconds(20), () -> hasOption("batch-workflow", workflow));

        page.select("batch-workflow", workflow);
        page.chooseFiles("batch-csv", csv);
        page.chooseFiles("batch-images", images);
        page.waitUntil(Duration.ofSeconds(10), () -> "width".equals(page.valueOf("map-width")));
        page.find("batch-start").click();

        page.waitUntil(Duration.ofSeconds(20), () -> page.isPresent("bad-row-3"));
        page.screenshot("pages-6-batch-bad-row");
        assertThat(page.textOf("bad-row-3")).startsWith("Line 3:").contains("width");
        assertThat(page.isPresent("bad-row-2")).isFalse();
        assertThat(page.isPresent("batch-detail")).isFalse();
        assertThat(batchCount()).isEqualTo(batchesBefore);
    }

    // ---- schedules

    @Test
    void aScheduleCreatedOnThePageShowsItsNextFireTimesAndPausing() throws IOException {
        String workflow = saveWorkflow("Morning post " + word);
        Path photo = photo(Files.createTempDirectory("schedule"), "logo.jpg", 64, 48);
        open("/#/schedules");
        page.waitUntil(Duration.ofSeconds(20), () -> hasOption("schedule-workflow", workflow));

        page.select("schedule-workflow", workflow);
        page.waitUntil(Duration.ofSeconds(10), () -> page.isPresent("schedule-input-photo"));
        page.fill("schedule-name", "Daily " + word);
        page.fill("schedule-cron", "0 9 * * *");
        page.fill("schedule-zone", "Europe/Paris");
        page.chooseFiles("schedule-input-photo", photo);
        page.fill("schedule-input-width", "40");
        page.waitUntil(Duration.ofSeconds(20), () -> page.isPresent("schedule-input-photo-uploaded"));
        page.find("schedule-create").click();

        String id = awaitSchedule("Daily " + word);
        page.waitUntil(Duration.ofSeconds(10), () -> nextFireTimes().size() == 5);
        page.screenshot("pages-7-schedule-created");
        assertThat(nextFireTimes()).allSatisfy(time -> assertThat(time).endsWith("09:00"));
        List<?> fromApi = (List<?>) schedule(id).get("nextFireTimes");
        assertThat(Instant.parse((String) fromApi.get(0)).atZone(ZoneId.of("Europe/Paris")).getHour()).isEqualTo(9);

        page.find("schedule-pause-" + id).click();

        page.waitUntil(Duration.ofSeconds(10), () -> page.textOf("schedule-status-" + id).equals("paused"));
        page.waitUntil(Duration.ofSeconds(10), () -> !page.isPresent("next-fire-times"));
        page.screenshot("pages-8-schedule-paused");
        assertThat(schedule(id).get("paused")).isEqualTo(true);
        assertThat(page.isPresent("schedule-resume-" + id)).isTrue();
    }

    // ---- driving the pages

    private void open(String path) {
        page.open("http://localhost:" + port + path);
    }

    /** The ids of the assets the grid shows. */
    private Set<String> shownAssets() {
        return page.testIdsOf(".tile").stream().map(id -> id.substring("asset-".length())).collect(Collectors.toSet());
    }

    private List<WebElement> editorNodes() {
        return browser.findElements(By.cssSelector(".react-flow__node"));
    }

    private List<String> nextFireTimes() {
        return browser.findElements(By.cssSelector("[data-testid='next-fire-times'] li")).stream()
                .map(li -> li.getText().strip()).toList();
    }

    private boolean hasOption(String selectTestId, String value) {
        return !browser.findElements(By.cssSelector("[data-testid='" + selectTestId + "'] option[value='" + value + "']")).isEmpty();
    }

    // ---- data over the API

    private String uploadAsset(String name, int width, int height) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", BatchesAndSchedulesApiTest.named(TestPhotos.jpeg(width, height), "photo.jpg"));
        parts.add("name", name);
        Map<?, ?> created = http.post().uri("/api/assets").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().body(Map.class);
        return (String) ((Map<?, ?>) created.get("asset")).get("id");
    }

    private Map<?, ?> asset(String id) {
        return (Map<?, ?>) http.get().uri("/api/assets/" + id).retrieve().body(Map.class).get("asset");
    }

    private String awaitCollection(String name) {
        String[] id = {null};
        page.waitUntil(Duration.ofSeconds(10), () -> {
            List<Map<?, ?>> collections = http.get().uri("/api/collections").retrieve().body(List.class);
            collections.stream().filter(c -> name.equals(c.get("name"))).findFirst().ifPresent(c -> id[0] = (String) c.get("id"));
            return id[0] != null;
        });
        return id[0];
    }

    private String saveWorkflow(String name) {
        return (String) http.post().uri("/api/workflows").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"" + name + "\", \"graph\": " + BatchesAndSchedulesApiTest.GRAPH + "}")
                .retrieve().body(Map.class).get("id");
    }

    private int batchCount() {
        return http.get().uri("/api/batches?limit=1000").retrieve().body(List.class).size();
    }

    private String awaitSchedule(String name) {
        String[] id = {null};
        page.waitUntil(Duration.ofSeconds(10), () -> {
            List<Map<?, ?>> schedules = http.get().uri("/api/schedules").retrieve().body(List.class);
            schedules.stream().filter(s -> name.equals(s.get("name"))).findFirst().ifPresent(s -> id[0] = (String) s.get("id"));
            return id[0] != null;
        });
        return id[0];
    }

    private Map<?, ?> schedule(String id) {
        return http.get().uri("/api/schedules/" + id).retrieve().body(Map.class);
    }

    private static Path photo(Path folder, String name, int width, int height) throws IOException {
        return Files.write(folder.resolve(name), TestPhotos.jpeg(width, height));
    }
}
