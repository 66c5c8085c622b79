package com.imagestudio.flow.engine.assets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Full-text search and filters over one owner's assets, with sorting and limit/offset pages. */
@Service
public class AssetSearch {

    private final JdbcClient jdbc;

    AssetSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AssetPage search(String ownerId, AssetQuery query) {
        List<String> where = new ArrayList<>(List.of("owner_id = :owner"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("owner", ownerId);
        if (query.text() != null && !query.text().isBlank()) {
            where.add("search @@ websearch_to_tsquery('english', :text)");
            params.put("text", query.text());
        }
        equal(where, params, "type", query.type() == null ? null : query.type().name());
        equal(where, params, "node_type", query.nodeType());
        equal(where, params, "module", query.module());
        equal(where, params, "provider", query.provider());
        equal(where, params, "status", query.status());
        equal(where, params, "favourite", query.favourite());
        equal(where, params, "run_id", query.run());
        if (query.from() != null) {
            where.add("created_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.add("created_at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        if (query.collection() != null) {
            where.add("id in (select asset_id from collection_assets where collection_id = :collection)");
            params.put("collection", query.collection());
        }
        if (query.tag() != null) {
            where.add("(:tag = any(tags) or :tag = any(auto_tags))");
            params.put("tag", query.tag().trim().toLowerCase(java.util.Locale.ROOT));
        }
        String filter = " from assets where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*)" + filter).params(params).query(Long.class).single();
        String order = " order by " + query.sort().column + (query.ascending() ? " asc" : " desc") + ", id";
        List<Asset> items = jdbc.sql("select " + AssetRows.COLUMNS + filter + order + " limit :limit offset :offset")
                .params(params).param("limit", query.limit()).param("offset", query.offset())
                .query(AssetRows.ASSET).list();
        return new AssetPage(items, total, query.limit(), query.offset());
    }

    private static void equal(List<String> where, Map<String, Object> params, String column, Object value) {
        if (value != null) {
            where.add(column + " = :" + column);
            params.put(column, value);
        }
    }
}
