package dev.lifeline.desktop.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.model.softphone.SoftphoneAccount;
import dev.lifeline.sim.TwilioSim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Provisions twilio-sim's SIP Domain over its REST API (the resources the Twilio SDK creates: domain, credential list,
 * credential, registration mapping), as the server does in sim mode, and says which account the desktop gets for it.
 */
public final class SimSipDomain {

    public static final String DOMAIN = "lifeline.sip.twilio.com";
    /** Twilio's rules: 12+ characters, a digit, mixed case. */
    public static final String PASSWORD = "DeskPhone2026x";

    private SimSipDomain() {
    }

    /** A registering domain with one credential per user, all with {@link #PASSWORD}. */
    public static void provision(TwilioSim sim, String... users) {
        OkHttpClient http = new OkHttpClient();
        String base = sim.baseUrl() + "/2010-04-01/Accounts/" + sim.accountSid() + "/SIP/";
        String auth = Credentials.basic(sim.accountSid(), sim.authToken());
        String domain = create(http, auth, base + "Domains.json", Map.of("DomainName", DOMAIN, "SipRegistration", "true"));
        String list = create(http, auth, base + "CredentialLists.json", Map.of("FriendlyName", "agents"));
        for (String user : users) {
            create(http, auth, base + "CredentialLists/" + list + "/Credentials.json",
                    Map.of("Username", user, "Password", PASSWORD));
        }
        create(http, auth, base + "Domains/" + domain + "/Auth/Registrations/CredentialListMappings.json",
                Map.of("CredentialListSid", list));
    }

    /** What the server hands {@code user}'s desktop: the emulator's SIP port as the outbound proxy. */
    public static SoftphoneAccount account(TwilioSim sim, String user, String transport) {
        return new SoftphoneAccount("sip:" + user + "@" + DOMAIN, user, PASSWORD, "127.0.0.1", sim.sip().port(), transport);
    }

    private static String create(OkHttpClient http, String auth, String url, Map<String, String> form) {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        Request request = new Request.Builder().url(url).header("Authorization", auth).post(body.build()).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new IllegalStateException(url + " answered " + response.code() + ": " + text);
            }
            return new ObjectMapper().readTree(text).path("sid").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
