package dev.lifeline.sim.sipdomain;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import dev.lifeline.sim.core.V2010Page;
import dev.lifeline.sim.sipdomain.SipDomainStore.MappingKind;
import dev.lifeline.sim.voice.FormParams;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The 2010-04-01 SIP paths twilio-java 11.1.0 calls (read from its classes): Domains, CredentialLists, Credentials,
 * {@code Auth/Registrations} and {@code Auth/Calls} credential-list mappings and the legacy {@code CredentialListMappings}.
 */
public final class SipDomainRoutes {

    private static final String SIP = "/2010-04-01/Accounts/{AccountSid}/SIP";
    private static final String DOMAIN = SIP + "/Domains/{DomainSid}";

    private final SimContext context;
    private final SipDomainStore store;
    private final SipDomainJson json;

    public SipDomainRoutes(SimContext context, SipDomainStore store) {
        this.context = context;
        this.store = store;
        this.json = new SipDomainJson(context.accountSid);
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(SIP + "/Domains.json", ctx -> {
            FormParams form = form(ctx);
            String name = form.required("DomainName");
            DomainSettings settings = DomainSettings.of(form);
            write(ctx, 201, () -> json.domain(store.createDomain(name, settings)));
        });
        routes.get(SIP + "/Domains.json", ctx -> page(ctx, "domains", () -> store.domains().stream().map(json::domain).toList()));
        routes.get(DOMAIN + ".json", ctx -> write(ctx, 200, () -> json.domain(store.domain(ctx.pathParam("DomainSid")))));
        routes.post(DOMAIN + ".json", ctx -> {
            FormParams form = form(ctx);
            DomainSettings settings = DomainSettings.of(form);
            write(ctx, 200, () -> json.domain(store.updateDomain(ctx.pathParam("DomainSid"), form.string("DomainName"), settings)));
        });
        routes.delete(DOMAIN + ".json", ctx -> {
            store.deleteDomain(ctx.pathParam("DomainSid"));
            ctx.status(204);
        });

        routes.post(SIP + "/CredentialLists.json", ctx -> {
            String name = friendlyName(form(ctx), true);
            write(ctx, 201, () -> json.list(store.createList(name)));
        });
        routes.get(SIP + "/CredentialLists.json", ctx -> page(ctx, "credential_lists", () -> store.lists().stream().map(json::list).toList()));
        String list = SIP + "/CredentialLists/{ListSid}";
        routes.get(list + ".json", ctx -> write(ctx, 200, () -> json.list(store.list(ctx.pathParam("ListSid")))));
        routes.post(list + ".json", ctx -> {
            String name = friendlyName(form(ctx), true);
            write(ctx, 200, () -> json.list(store.renameList(ctx.pathParam("ListSid"), name)));
        });
        routes.delete(list + ".json", ctx -> {
            store.deleteList(ctx.pathParam("ListSid"));
            ctx.status(204);
        });

        routes.post(list + "/Credentials.json", ctx -> {
            FormParams form = form(ctx);
            write(ctx, 201, () -> json.credential(store.createCredential(ctx.pathParam("ListSid"),
                    form.string("Username"), form.string("Password"))));
        });
        routes.get(list + "/Credentials.json", ctx -> page(ctx, "credentials", () ->
                store.list(ctx.pathParam("ListSid")).credentials.values().stream().map(json::credential).toList()));
        String credential = list + "/Credentials/{CredentialSid}";
        routes.get(credential + ".json", ctx -> write(ctx, 200, () ->
                json.credential(store.credential(ctx.pathParam("ListSid"), ctx.pathParam("CredentialSid")))));
        routes.post(credential + ".json", ctx -> {
            FormParams form = form(ctx);
            write(ctx, 200, () -> json.credential(store.changePassword(ctx.pathParam("ListSid"),
                    ctx.pathParam("CredentialSid"), form.string("Password"))));
        });
        routes.delete(credential + ".json", ctx -> {
            store.deleteCredential(ctx.pathParam("ListSid"), ctx.pathParam("CredentialSid"));
            ctx.status(204);
        });

        mappings(routes, DOMAIN + "/Auth/Registrations/CredentialListMappings", MappingKind.REGISTRATIONS, "contents");
        mappings(routes, DOMAIN + "/Auth/Calls/CredentialListMappings", MappingKind.CALLS, "contents");
        mappings(routes, DOMAIN + "/CredentialListMappings", MappingKind.CALLS, "credential_list_mappings");
    }

    private void mappings(JavalinDefaultRoutingApi routes, String path, MappingKind kind, String listKey) {
        routes.post(path + ".json", ctx -> {
            String listSid = form(ctx).required("CredentialListSid");
            String domainSid = ctx.pathParam("DomainSid");
            write(ctx, 201, () -> json.mapping(domainSid, store.map(domainSid, kind, listSid), mappingsPath(ctx)));
        });
        routes.get(path + ".json", ctx -> {
            String domainSid = ctx.pathParam("DomainSid");
            page(ctx, listKey, () -> store.mapped(domainSid, kind).stream()
                    .map(l -> json.mapping(domainSid, l, mappingsPath(ctx))).toList());
        });
        routes.get(path + "/{ListSid}.json", ctx -> {
            String domainSid = ctx.pathParam("DomainSid");
            write(ctx, 200, () -> json.mapping(domainSid, store.mapping(domainSid, kind, ctx.pathParam("ListSid")),
                    mappingsPath(ctx)));
        });
        routes.delete(path + "/{ListSid}.json", ctx -> {
            store.unmap(ctx.pathParam("DomainSid"), kind, ctx.pathParam("ListSid"));
            ctx.status(204);
        });
    }

    /** The mappings collection path of this request, without {@code .json} or a trailing SID. */
    private static String mappingsPath(Context ctx) {
        String path = ctx.path();
        int at = path.indexOf("/CredentialListMappings");
        return path.substring(0, at + "/CredentialListMappings".length());
    }

    private static String friendlyName(FormParams form, boolean required) {
        String name = required ? form.required("FriendlyName") : form.string("FriendlyName");
        if (name != null && name.length() > 64) {
            throw TwilioApiException.badRequest("FriendlyName must be at most 64 characters");
        }
        return name;
    }

    private static FormParams form(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.startsWith("application/x-www-form-urlencoded") && !ctx.body().isEmpty()) {
            throw TwilioApiException.badRequest("Request body must be application/x-www-form-urlencoded");
        }
        return new FormParams(ctx.formParamMap());
    }

    private void page(Context ctx, String key, Supplier<List<Map<String, Object>>> all) {
        FormParams query = new FormParams(ctx.queryParamMap());
        int pageSize = query.integer("PageSize", 1, 1000, 50);
        int page = query.integer("Page", 0, Integer.MAX_VALUE, 0);
        write(ctx, 200, () -> V2010Page.of(key, all.get(), ctx.path(), "", page, pageSize));
    }

    private void write(Context ctx, int status, Supplier<Map<String, Object>> body) {
        try {
            ctx.status(status).contentType("application/json").result(context.json.writeValueAsString(body.get()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialise", e);
        }
    }
}
