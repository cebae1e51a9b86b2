package dev.lifeline.server.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Twilio-Signature} of a form-encoded callback, computed as twilio-java's {@code RequestValidator} does
 * (HMAC-SHA1 over the URL and the parameters sorted by name, Base64; accepted with the URL's port written out or
 * left off, "since signature generation on the back end is inconsistent"), but without its per-request costs:
 * {@code RequestValidator} asks the JCA for a new {@link Mac} for each of the two variants and parses the URL twice
 * on every request. Here each thread keeps a {@link Mac} cloned from one keyed prototype, the two URL variants are
 * worked out once per URL, and the second HMAC is computed only when the first does not match.
 */
final class FormSignatures {

    /** Callback URLs are few (one per webhook path); a flood of distinct query strings is not remembered. */
    private static final int REMEMBERED_URLS = 256;

    private final SecretKeySpec key;
    private final Mac prototype;
    private final ThreadLocal<Mac> macs;
    private final Map<String, List<String>> variantsByUrl = new ConcurrentHashMap<>();

    FormSignatures(String authToken) {
        key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
        try {
            prototype = Mac.getInstance("HmacSHA1");
            prototype.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
        macs = ThreadLocal.withInitial(this::copyOfPrototype);
    }

    boolean valid(String url, Map<String, String> params, String signature) {
        byte[] expected = signature.getBytes(StandardCharsets.UTF_8);
        for (String variant : variantsOf(url)) {
            if (MessageDigest.isEqual(sign(variant, params).getBytes(StandardCharsets.UTF_8), expected)) {
                return true;
            }
        }
        return false;
    }

    /** The signature Twilio would send for {@code url} and {@code params} (for tests and the emulator's checks). */
    String sign(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url.length() + 64 * params.size()).append(url);
        List<String> names = new ArrayList<>(params.keySet());
        Collections.sort(names);
        for (String name : names) {
            String value = params.get(name);
            data.append(name).append(value == null ? "" : value);
        }
        Mac mac = macs.get();
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> variantsOf(String url) {
        List<String> known = variantsByUrl.get(url);
        if (known != null) {
            return known;
        }
        List<String> variants = List.of(withPort(url), withoutPort(url));
        if (variantsByUrl.size() < REMEMBERED_URLS) {
            variantsByUrl.putIfAbsent(url, variants);
        }
        return variants;
    }

    /** The URL with its scheme's default port written out when it has none (as RequestValidator rebuilds it). */
    static String withPort(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getPort() != -1) {
                return url;
            }
            return withPort(uri, Objects.equals(uri.getScheme(), "https") ? 443 : 80);
        } catch (Exception unparsable) {
            return url;
        }
    }

    /** The URL without a port (as RequestValidator rebuilds it). */
    static String withoutPort(String url) {
        try {
            URI uri = new URI(url);
            return uri.getPort() == -1 ? url : withPort(uri, -1);
        } catch (Exception unparsable) {
            return url;
        }
    }

    private static String withPort(URI uri, int port) {
        try {
            return new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), port, uri.getPath(), uri.getQuery(),
                    uri.getFragment()).toString();
        } catch (Exception unbuildable) {
            return uri.toString();
        }
    }

    private Mac copyOfPrototype() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException notCloneable) {
            // A provider whose Mac cannot be cloned: a fresh one per thread, keyed alike.
            try {
                Mac mac = Mac.getInstance(prototype.getAlgorithm(), prototype.getProvider());
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
