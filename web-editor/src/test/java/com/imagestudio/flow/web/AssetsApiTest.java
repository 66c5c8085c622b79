package com.imagestudio.flow.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.engine.users.ApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The asset library over HTTP: two users with API keys, and anyone with a share link. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssetsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;
    RestClient http;
    String alice;
    String bob;

    @BeforeEach
    void users() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        alice = keys.create("alice-" + System.nanoTime(), "test").secret();
        bob = keys.create("bob-" + System.nanoTime(), "test").secret();
    }

    @Test
    void anUploadedImageIsCheckedStoredTaggedAndDownloadable() {
        byte[] photo = TestPhotos.jpeg(1200, 800);

        ResponseEntity<Detail> created = upload(alice, photo, "Beach day", "holiday,Sea");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        Asset asset = created.getBody().asset();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/assets/" + asset.id());
        assertThat(asset).extracting(Asset::type, Asset::name, Asset::width, Asset::height, Asset::mediaType)
                .containsExactly("IMAGE", "Beach day", 1200, 800, "image/jpeg");
        assertThat(asset.tags()).containsExactly("holiday", "sea");
        assertThat(asset.autoTags()).contains("landscape", "size:medium", "faces:0");
        ResponseEntity<byte[]> content = as(alice, HttpMethod.GET, "/api/assets/" + asset.id() + "/content", null)
                .retrieve().toEntity(byte[].class);
        assertThat(content.getBody()).isEqualTo(photo);
        assertThat(get(alice, "/api/assets/" + asset.id(), Detail.class).asset().downloads()).isEqualTo(1);
    }

    @Test
    void somethingThatIsNotAnImageIsRefusedAndNothingIsStored() {
        ResponseEntity<Problem> refused = as(alice, HttpMethod.POST, "/api/assets", null)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(file("%PDF-1.7 not an image".getBytes(), null, null))
                .retrieve().toEntity(Problem.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().type()).endsWith("/problems/bad-input");
        assertThat(get(alice, "/api/assets", Page.class).total()).isZero();
    }

    @Test
    void searchFindsByTextAndFiltersSortsAndPages() {
        String sunset = upload(alice, TestPhotos.jpeg(400, 300), "Sunset over hills", "evening").getBody().asset().id();
        String city = upload(alice, TestPhotos.jpeg(300, 400), "City lights", "evening,night").getBody().asset().id();
        upload(alice, TestPhotos.jpeg(300, 300), "Breakfast", "food");
        upload(bob, TestPhotos.jpeg(300, 300), "Bob's evening", "evening");
        send(alice, HttpMethod.PATCH, "/api/assets/" + city, Map.of("favourite", true));

        assertThat(ids(get(alice, "/api/assets?q=evening&sort=name&order=asc", Page.class))).containsExactly(city, sunset);
        assertThat(ids(get(alice, "/api/assets?q=hill", Page.class))).containsExactly(sunset);
        assertThat(ids(get(alice, "/api/assets?favourite=true", Page.class))).containsExactly(city);
        assertThat(ids(get(alice, "/api/assets?tag=portrait", Page.class))).containsExactly(city);
        Page page = get(alice, "/api/assets?sort=name&order=asc&limit=2&offset=1", Page.class);
        assertThat(page.total()).isEqualTo(3);
        assertThat(ids(page)).containsExactly(city, sunset);
        assertThat(get(alice, "/api/assets?type=VIDEO", Page.class).total()).isZero();
    }

    @Test
    void collectionsGroupAssetsAndMovingTakesThemOutOfTheOthers() {
        String a = upload(alice, TestPhotos.jpeg(200, 100), "a", null).getBody().asset().id();
        String b = upload(alice, TestPhotos.jpeg(100, 200), "b", null).getBody().asset().id();
        String drafts = send(alice, HttpMethod.POST, "/api/collections", Map.of("name", "Drafts"), Collection.class).id();
        String finals = send(alice, HttpMethod.POST, "/api/collections", Map.of("name", "Finals"), Collection.class).id();
        send(alice, HttpMethod.POST, "/api/collections/" + drafts + "/assets", Map.of("ids", List.of(a, b)), Collection.class);

        Collection moved = send(alice, HttpMethod.POST, "/api/assets/bulk/move", Map.of("ids", List.of(a), "collectionId", finals),
                Collection.class);
        send(alice, HttpMethod.PATCH, "/api/collections/" + finals, Map.of("name", "Final cut"), Collection.class);

        assertThat(moved.assets()).isEqualTo(1);
        assertThat(ids(get(alice, "/api/assets?collection=" + drafts, Page.class))).containsExactly(b);
        assertThat(get(alice, "/api/collections/" + finals, Collection.class).name()).isEqualTo("Final cut");
        assertThat(as(alice, HttpMethod.DELETE, "/api/collections/" + drafts, null).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(204);
        assertThat(get(alice, "/api/assets/" + b, Detail.class).collections()).isEmpty();
    }

    @Test
    void bulkTagAndZipDownloadCoverEveryAssetNamed() throws IOException {
        String a = upload(alice, TestPhotos.jpeg(200, 100), "same", null).getBody().asset().id();
        String b = upload(alice, TestPhotos.jpeg(100, 200), "same", null).getBody().asset().id();

        send(alice, HttpMethod.POST, "/api/assets/bulk/tag", Map.of("ids", List.of(a, b), "tags", List.of("Client X")));
        ResponseEntity<byte[]> zip = as(alice, HttpMethod.POST, "/api/assets/bulk/download", null)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("ids", List.of(a, b))).retrieve().toEntity(byte[].class);

        assertThat(ids(get(alice, "/api/assets?tag=client x", Page.class))).containsExactlyInAnyOrder(a, b);
        assertThat(zip.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.getBody()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                assertThat(in.readAllBytes()).startsWith((byte) 0xFF, (byte) 0xD8);
            }
        }
        assertThat(names).containsExactly("same-v1.jpg", "same-v1-2.jpg");
    }

    @Test
    void deletingRemovesABlobOnlyWhenNoOtherAssetUsesIt() throws IOException {
        byte[] photo = TestPhotos.uniqueJpeg(320, 240);
        String mine = upload(alice, photo, "shared bytes", null).getBody().asset().id();
        Asset theirs = upload(bob, photo, "same bytes", null).getBody().asset();

        send(alice, HttpMethod.POST, "/api/assets/bulk/delete", Map.of("ids", List.of(mine)));
        assertThat(get(alice, "/api/assets/" + mine, Problem.class).status()).isEqualTo(404);
        assertThat(blobs.exists(theirs.blobHash())).isTrue();

        as(bob, HttpMethod.DELETE, "/api/assets/" + theirs.id(), null).retrieve().toBodilessEntity();
        assertThat(blobs.exists(theirs.blobHash())).isFalse();
    }

    @Test
    void aShareLinkShowsTheBoardWithoutAKeyUntilItExpires() {
        String a = upload(alice, TestPhotos.jpeg(200, 100), "poster", null).getBody().asset().id();
        ResponseEntity<Created> created = as(alice, HttpMethod.POST, "/api/shares", null).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("assetIds", List.of(a), "title", "For review", "expiresInHours", 2)).retrieve().toEntity(Created.class);
        String url = created.getBody().url();

        // a revoked or unknown key still reaches a shared board: the filter lets exactly this path through
        Board board = http.get().uri(url).header("Authorization", "Bearer isf_unknown").retrieve().body(Board.class);
        byte[] image = http.get().uri(board.assets().get(0).url()).retrieve().body(byte[].class);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(board.title()).isEqualTo("For review");
        assertThat(board.assets()).extracting(i -> i.asset().name()).containsExactly("poster");
        assertThat(image).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(http.get().uri("/api/assets").header("Authorization", "Bearer isf_unknown").retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(401);
        assertThat(get(alice, "/api/assets/" + a, Detail.class).asset()).extracting(Asset::shares, Asset::downloads)
                .containsExactly(1, 1);

        jdbc.sql("update shares set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", created.getBody().share().id()).update();
        ResponseEntity<Problem> expired = http.get().uri(url).retrieve().toEntity(Problem.class);
        assertThat(expired.getStatusCode().value()).isEqualTo(410);
        assertThat(expired.getBody().type()).endsWith("/problems/share-expired");
        assertThat(http.get().uri("/api/shared/isb_nothing").retrieve().toEntity(Problem.class).getStatusCode().value())
                .isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/assets/{asset}                   |
            PATCH  | /api/assets/{asset}                   | {"favourite": true}
            DELETE | /api/assets/{asset}                   |
            GET    | /api/assets/{asset}/content           |
            GET    | /api/assets/{asset}/versions          |
            POST   | /api/assets/bulk/delete               | {"ids": ["{asset}"]}
            POST   | /api/assets/bulk/tag                  | {"ids": ["{asset}"], "tags": ["x"]}
            POST   | /api/assets/bulk/move                 | {"ids": ["{asset}"], "collectionId": "{bobCollection}"}
            POST   | /api/assets/bulk/download             | {"ids": ["{asset}"]}
            GET    | /api/collections/{collection}         |
            PATCH  | /api/collections/{collection}         | {"name": "mine now"}
            DELETE | /api/collections/{collection}         |
            POST   | /api/collections/{collection}/assets  | {"ids": ["{bobAsset}"]}
            DELETE | /api/collections/{collection}/assets/{asset} |
            POST   | /api/shares                           | {"assetIds": ["{asset}"]}
            POST   | /api/shares                           | {"collectionId": "{collection}"}
            DELETE | /api/shares/{share}                   |
            """)
    void anotherUserGetsNotFoundOnEveryAssetEndpoint(String method, String path, String body) {
        String asset = upload(alice, TestPhotos.jpeg(120, 80), "alice's", null).getBody().asset().id();
        String collection = send(alice, HttpMethod.POST, "/api/collections", Map.of("name", "alice's"), Collection.class).id();
        send(alice, HttpMethod.POST, "/api/collections/" + collection + "/assets", Map.of("ids", List.of(asset)), Collection.class);
        String share = send(alice, HttpMethod.POST, "/api/shares", Map.of("assetIds", List.of(asset)), Created.class).share().id();
        String bobAsset = upload(bob, TestPhotos.jpeg(80, 80), "bob's", null).getBody().asset().id();
        String bobCollection = send(bob, HttpMethod.POST, "/api/collections", Map.of("name", "bob's"), Collection.class).id();
        Map<String, String> values = Map.of("{asset}", asset, "{collection}", collection, "{share}", share,
                "{bobAsset}", bobAsset, "{bobCollection}", bobCollection);

        RestClient.RequestBodySpec request = as(bob, HttpMethod.valueOf(method), fill(path, values), null);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(fill(body, values));
        }
        ResponseEntity<Problem> response = request.retrieve().toEntity(Problem.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().type()).endsWith("/problems/not-found");
        Detail untouched = get(alice, "/api/assets/" + asset, Detail.class);
        assertThat(untouched.asset().favourite()).isFalse();
        assertThat(untouched.asset().tags()).isEmpty();
        assertThat(untouched.collections()).containsExactly(collection);
        assertThat(get(alice, "/api/collections/" + collection, Collection.class).name()).isEqualTo("alice's");
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (var e : values.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    private ResponseEntity<Detail> upload(String key, byte[] bytes, String name, String tags) {
        return as(key, HttpMethod.POST, "/api/assets", null).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(file(bytes, name, tags)).retrieve().toEntity(Detail.class);
    }

    private static MultiValueMap<String, Object> file(byte[] bytes, String name, String tags) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        parts.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "upload.bin";
            }
        }, headers));
        if (name != null) {
            parts.add("name", name);
        }
        if (tags != null) {
            parts.add("tags", tags);
        }
        return parts;
    }

    private RestClient.RequestBodySpec as(String key, HttpMethod method, String uri, Object ignored) {
        return http.method(method).uri(uri).header("Authorization", "Bearer " + key);
    }

    private <T> T get(String key, String uri, Class<T> type) {
        return as(key, HttpMethod.GET, uri, null).retrieve().body(type);
    }

    private void send(String key, HttpMethod method, String uri, Object body) {
        ResponseEntity<Void> response = as(key, method, uri, null).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toBodilessEntity();
        assertThat(response.getStatusCode().is2xxSuccessful()).as(method + " " + uri).isTrue();
    }

    private <T> T send(String key, HttpMethod method, String uri, Object body, Class<T> type) {
        ResponseEntity<T> response = as(key, method, uri, null).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(type);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(method + " " + uri).isTrue();
        return response.getBody();
    }

    private static List<String> ids(Page page) {
        return page.items().stream().map(Asset::id).toList();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Asset(String id, String type, String name, Integer width, Integer height, String mediaType, String blobHash,
                 boolean favourite, List<String> tags, List<String> autoTags, int downloads, int shares) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Detail(Asset asset, List<String> sources, List<String> collections) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Asset> items, long total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Collection(String id, String name, int assets) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Share(String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(Share share, String token, String url) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BoardAsset(String id, String name, String mediaType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BoardItem(BoardAsset asset, String url) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Board(String title, List<BoardItem> assets) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String type, int status, String detail) {
    }
}
