package dev.lifeline.sim.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The 2010-04-01 API's list envelope, shared by Voice and the SIP resources. */
public final class V2010Page {

    private V2010Page() {
    }

    /**
     * The v2010 list envelope; twilio-java picks v2010 paging because a top-level {@code uri} is present.
     *
     * @param path the list path without query, e.g. {@code /2010-04-01/Accounts/AC…/Calls.json}
     */
    public static Map<String, Object> of(String key, List<Map<String, Object>> all, String path, String filterQuery,
                                    int page, int pageSize) {
        int start = page * pageSize;
        List<Map<String, Object>> items = start >= all.size() ? List.of()
                : all.subList(start, Math.min(all.size(), start + pageSize));
        String filters = filterQuery == null || filterQuery.isEmpty() ? "" : filterQuery + "&";
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(key, items);
        json.put("uri", path + "?" + filters + "PageSize=" + pageSize + "&Page=" + page);
        json.put("first_page_uri", path + "?" + filters + "PageSize=" + pageSize + "&Page=0");
        json.put("next_page_uri", start + pageSize < all.size()
                ? path + "?" + filters + "PageSize=" + pageSize + "&Page=" + (page + 1) : null);
        json.put("previous_page_uri", page > 0 ? path + "?" + filters + "PageSize=" + pageSize + "&Page=" + (page - 1) : null);
        json.put("page", page);
        json.put("page_size", pageSize);
        json.put("start", start);
        json.put("end", items.isEmpty() ? start : start + items.size() - 1);
        return json;
    }
}
