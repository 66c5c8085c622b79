package com.imagestudio.flow.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A folder of photos in one run: the files sent under one workflow input reach {@code LoadImages}
 * as a list, the nodes it feeds run once per photo, and the results come back in the order sent,
 * as a list in the run, as assets in the library and as one ZIP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FolderRunOverHttpTest {

    private static final String FOLDER_GRAPH = """
            {"graph": {
               "nodes": [{"id": "load", "type": "LoadImages"},
                         {"id": "resize", "type": "Resize", "params": {"width": 200, "height": 200, "mode": "fill"}},
                         {"id": "encode", "type": "Encode", "params": {"format": "jpeg", "quality": 90}},
                         {"id": "save", "type": "SaveToLibrary", "params": {"name": "square"}}],
               "edges": [{"from": "load.images", "to": "resize.image"}, {"from": "resize.image", "to": "encode.image"},
                         {"from": "encode.image", "to": "save.image"}],
               "inputs": [{"name": "photos", "node": "load", "param": "blobs"}]}}""";
    private static final List<Color> COLOURS = List.of(Color.RED, Color.GREEN, Color.BLUE);

    @LocalServerPort
    int port;
    RestClient http;

    @BeforeAll
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    @Test
    void photosSentUnderOneInputAreEachResizedInOneRunAndComeBackInTheOrderSent() throws IOException {
        // given three photos of different sizes, each of one colour
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("run", json(FOLDER_GRAPH));
        parts.add("photos", file("red.jpg", TestPhotos.plainJpeg(640, 480, COLOURS.get(0))));
        parts.add("photos", file("green.jpg", TestPhotos.plainJpeg(300, 500, COLOURS.get(1))));
        parts.add("photos", file("blue.jpg", TestPhotos.plainJpeg(800, 800, COLOURS.get(2))));

        // when they are sent to one run
        Map<String, Object> run = http.post().uri("/api/runs?wait=120").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().body(Map.class);

        // then the run keeps a list of three 200x200 JPEGs, in the order sent
        assertThat(run.get("status")).as("%s", run).isEqualTo("SUCCEEDED");
        Map<String, Object> saved = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) run.get("outputs"))
                .get("save")).get("image");
        List<Map<String, Object>> list = (List<Map<String, Object>>) saved.get("list");
        assertThat(list).hasSize(3).allSatisfy(blob -> {
            assertThat(blob.get("mediaType")).isEqualTo("image/jpeg");
            assertThat(blob.get("width")).isEqualTo(200);
            assertThat(blob.get("height")).isEqualTo(200);
        });
        for (int i = 0; i < 3; i++) {
            byte[] bytes = http.get().uri("/api/blobs/" + list.get(i).get("hash")).retrieve().body(byte[].class);
            assertThat(centre(bytes)).as("photo %d", i + 1).isEqualTo(dominant(COLOURS.get(i)));
        }
    }

    @Test
    void aFolderOfSixtyPhotosRunsPastTomcatsDefaultOfFiftyParts() throws IOException {
        // given sixty small photos and the run part: more than Tomcat's default of 50 parts
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("run", json(FOLDER_GRAPH));
        byte[] photo = TestPhotos.plainJpeg(32, 24, Color.RED);
        for (int i = 0; i < 60; i++) {
            parts.add("photos", file("photo-" + i + ".jpg", photo));
        }

        // when they are sent to one run
        Map<String, Object> run = http.post().uri("/api/runs?wait=120").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().body(Map.class);

        // then each of the sixty is a result
        assertThat(run.get("status")).as("%s", run).isEqualTo("SUCCEEDED");
        Map<String, Object> saved = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) run.get("outputs"))
                .get("save")).get("image");
        assertThat((List<?>) saved.get("list")).hasSize(60);
    }

    @Test
    void aRequestOverThePartLimitIsA413ProblemNamingTheLimit() {
        // given more parts than a run can take (1,000 images, the run part and slack: 1010)
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("run", json(FOLDER_GRAPH));
        for (int i = 0; i < 1010; i++) {
            parts.add("photos", file("photo-" + i + ".jpg", new byte[] {1}));
        }

        // when they are sent
        ResponseEntity<Map> response = http.post().uri("/api/runs").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().toEntity(Map.class);

        // then the answer is a 413 problem that says how many parts are allowed
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("type")).isEqualTo("https://image-studio-flow.dev/problems/payload-too-large");
        assertThat((String) response.getBody().get("detail")).contains("at most 1010 parts per request");
    }

    @Test
    void theReadmesFolderExampleCoversEachPhotoSentTo1080By1080() throws IOException {
        // given the README's example and two photos
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("run", json(Files.readString(Path.of("../examples/folder-square-1080.json"))));
        parts.add("photos", file("wide.jpg", TestPhotos.plainJpeg(1600, 900, Color.RED)));
        parts.add("photos", file("tall.jpg", TestPhotos.plainJpeg(900, 1600, Color.BLUE)));

        // when they are sent as the README says
        Map<String, Object> run = http.post().uri("/api/runs?wait=120").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().body(Map.class);

        // then each comes back as a 1080x1080 JPEG
        assertThat(run.get("status")).as("%s", run).isEqualTo("SUCCEEDED");
        List<Map<String, Object>> list = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                ((Map<String, Object>) run.get("outputs")).get("save")).get("image")).get("list");
        assertThat(list).extracting(blob -> blob.get("width"), blob -> blob.get("height"), blob -> blob.get("mediaType"))
                .containsOnly(org.assertj.core.groups.Tuple.tuple(1080, 1080, "image/jpeg")).hasSize(2);
    }

    @Test
    void eachPhotoOfAFolderRunIsAnAssetOfTheLibrary() {
        // given a folder run of two photos
        Map<String, Object> run = folderRun(TestPhotos.plainJpeg(320, 240, Color.RED), TestPhotos.plainJpeg(240, 320, Color.BLUE));

        // when the library is asked for the run's assets
        Map<String, Object> assets = http.get().uri("/api/assets?run={run}", run.get("id")).retrieve().body(Map.class);

        // then there is one per photo, named after the output with its place
        List<Map<String, Object>> items = (List<Map<String, Object>>) assets.get("items");
        assertThat(items).extracting(asset -> asset.get("name")).containsExactlyInAnyOrder("square (1)", "square (2)");
        assertThat(items).allSatisfy(asset -> assertThat(asset.get("width")).isEqualTo(200));
    }

    @Test
    void eachResultOfAFolderRunHasTheLibraryPhotoItWasMadeFromAsItsOnlySource() {
        // given two photos of the library, given to a folder run by their hashes
        Map<String, Object> red = uploadAsset("red.jpg", TestPhotos.plainJpeg(320, 240, Color.RED));
        Map<String, Object> blue = uploadAsset("blue.jpg", TestPhotos.plainJpeg(320, 240, Color.BLUE));
        String run = FOLDER_GRAPH.replace("\"inputs\": [{\"name\": \"photos\", \"node\": \"load\", \"param\": \"blobs\"}]",
                "\"inputs\": []").replace("{\"id\": \"load\", \"type\": \"LoadImages\"}",
                "{\"id\": \"load\", \"type\": \"LoadImages\", \"params\": {\"blobs\": \"" + red.get("blobHash") + "," + blue.get("blobHash") + "\"}}");
        Map<String, Object> done = http.post().uri("/api/runs?wait=120").contentType(MediaType.APPLICATION_JSON).body(run)
                .retrieve().body(Map.class);
        assertThat(done.get("status")).as("%s", done).isEqualTo("SUCCEEDED");

        // when the lineage of each result is read
        List<Map<String, Object>> items = (List<Map<String, Object>>) http.get().uri("/api/assets?run={run}", done.get("id"))
                .retrieve().body(Map.class).get("items");
        Map<Object, Object> sourceByName = new java.util.HashMap<>();
        for (Map<String, Object> item : items) {
            sourceByName.put(item.get("name"), http.get().uri("/api/assets/{id}", item.get("id")).retrieve().body(Map.class).get("sources"));
        }

        // then the first result comes from the red photo only, the second from the blue one only
        assertThat(sourceByName).containsEntry("square (1)", List.of(red.get("id"))).containsEntry("square (2)", List.of(blue.get("id")));
    }

    @Test
    void theOutputOfAFolderRunDownloadsAsAZipOfItsImagesInOrder() throws IOException {
        // given a folder run of three photos
        Map<String, Object> run = folderRun(TestPhotos.plainJpeg(320, 240, COLOURS.get(0)), TestPhotos.plainJpeg(320, 240, COLOURS.get(1)),
                TestPhotos.plainJpeg(320, 240, COLOURS.get(2)));

        // when its output is downloaded
        ResponseEntity<byte[]> zip = http.get().uri("/api/runs/{id}/outputs/save", run.get("id")).retrieve().toEntity(byte[].class);

        // then it is a ZIP of save-1.jpg, save-2.jpg and save-3.jpg, the photos in the order sent
        assertThat(zip.getStatusCode().value()).isEqualTo(200);
        assertThat(zip.getHeaders().getContentType()).hasToString("application/zip");
        assertThat(zip.getHeaders().getContentDisposition().getFilename()).isEqualTo("save.zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.getBody()))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                names.add(entry.getName());
                assertThat(centre(entries.readAllBytes())).as(entry.getName()).isEqualTo(dominant(COLOURS.get(names.size() - 1)));
            }
        }
        assertThat(names).containsExactly("save-1.jpg", "save-2.jpg", "save-3.jpg");
    }

    @Test
    void theCheckOfAFolderGraphNamesTheNodesThatRunOncePerImage() {
        // given the folder graph
        String graph = FOLDER_GRAPH.substring(FOLDER_GRAPH.indexOf('{', 1), FOLDER_GRAPH.lastIndexOf('}'));

        // when it is checked
        Map<String, Object> checked = http.post().uri("/api/graphs/validate").contentType(MediaType.APPLICATION_JSON)
                .body(graph).retrieve().body(Map.class);

        // then every node after the folder runs once per image, the folder itself once
        assertThat(checked.get("valid")).isEqualTo(true);
        assertThat((List<String>) checked.get("mapped")).containsExactly("resize", "encode", "save");
    }

    @Test
    void twoFilesForAnInputThatTakesOneImageAreRefusedNamingTheNode() {
        // given a graph whose input takes one image
        String oneImage = """
                {"graph": {
                   "nodes": [{"id": "load", "type": "LoadImage"}, {"id": "save", "type": "SaveToLibrary"}],
                   "edges": [{"from": "load.image", "to": "save.image"}],
                   "inputs": [{"name": "photo", "node": "load", "param": "blob"}]}}""";
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("run", json(oneImage));
        parts.add("photo", file("a.jpg", TestPhotos.plainJpeg(100, 100, Color.RED)));
        parts.add("photo", file("b.jpg", TestPhotos.plainJpeg(100, 100, Color.BLUE)));

        // when two files are sent for it
        ResponseEntity<Map> response = http.post().uri("/api/runs").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().toEntity(Map.class);

        // then the run is refused before it starts, with a problem on that node
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        List<Map<String, Object>> problems = (List<Map<String, Object>>) response.getBody().get("problems");
        assertThat(problems).anySatisfy(problem -> assertThat(problem.get("nodeId")).isEqualTo("load"));
    }

    private Map<String, Object> folderRun(byte[]... photos) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("run", json(FOLDER_GRAPH));
        for (int i = 0; i < photos.length; i++) {
            parts.add("photos", file("photo-" + i + ".jpg", photos[i]));
        }
        Map<String, Object> run = http.post().uri("/api/runs?wait=120").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().body(Map.class);
        assertThat(run.get("status")).as("%s", run).isEqualTo("SUCCEEDED");
        return run;
    }

    /** @return the asset as the library describes it (id, blobHash, ...) */
    private Map<String, Object> uploadAsset(String name, byte[] photo) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", file(name, photo));
        return (Map<String, Object>) http.post().uri("/api/assets").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().body(Map.class).get("asset");
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static ByteArrayResource file(String name, byte[] bytes) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    /** Which of red, green and blue the centre pixel of an image is mostly made of. */
    private static Color centre(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        Color c = new Color(image.getRGB(image.getWidth() / 2, image.getHeight() / 2));
        return dominant(c);
    }

    private static Color dominant(Color c) {
        int max = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()));
        return max == c.getRed() ? Color.RED : max == c.getGreen() ? Color.GREEN : Color.BLUE;
    }
}
