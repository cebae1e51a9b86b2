package dev.lifeline.sim.taskrouter;

import dev.lifeline.sim.core.TwilioApiException;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The v1 list envelope: {@code {"<key>":[…],"meta":{page,page_size,first_page_url,previous_page_url,url,next_page_url,key}}}. */
final class V1Page {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 1000;

    private V1Page() {
    }

    /** @param path the list's URL path under {@code /v1}, e.g. {@code /Workspaces/WS…/Tasks} */
    static Map<String, Object> of(Context ctx, String key, String path, List<Map<String, Object>> all) {
        int pageSize = number(ctx.queryParam("PageSize"), DEFAULT_PAGE_SIZE, "PageSize");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw TwilioApiException.badRequest("PageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
        int page = number(ctx.queryParam("Page"), 0, "Page");
        int from = (int) Math.min(all.size(), (long) page * pageSize);
        int to = Math.min(all.size(), from + pageSize);
        StringBuilder filters = new StringBuilder();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("Page") && !name.equals("PageSize") && !name.equals("PageToken")) {
                values.forEach(v -> filters.append('&').append(encode(name)).append('=').append(encode(v)));
            }
        });
        String base = TaskRouterJson.BASE + path + "?PageSize=" + pageSize + filters;
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", page);
        meta.put("page_size", pageSize);
        meta.put("first_page_url", base + "&Page=0");
        meta.put("previous_page_url", page > 0 ? base + "&Page=" + (page - 1) : null);
        meta.put("url", base + "&Page=" + page);
        meta.put("next_page_url", to < all.size() ? base + "&Page=" + (page + 1) : null);
        meta.put("key", key);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, all.subList(from, to));
        body.put("meta", meta);
        return body;
    }

    private static int number(String value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0) {
                throw TwilioApiException.badRequest(name + " must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw TwilioApiException.badRequest(name + " must be an integer");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
