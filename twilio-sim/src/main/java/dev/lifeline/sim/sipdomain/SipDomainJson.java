package dev.lifeline.sim.sipdomain;

import static dev.lifeline.sim.core.TwilioDates.rfc2822;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON of the SIP resources, field names as twilio-java 11.1.0's classes read them (checked by reflection). */
final class SipDomainJson {

    private final String accountSid;

    SipDomainJson(String accountSid) {
        this.accountSid = accountSid;
    }

    String base() {
        return "/2010-04-01/Accounts/" + accountSid + "/SIP";
    }

    Map<String, Object> domain(SipDomain d) {
        String uri = base() + "/Domains/" + d.sid;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("api_version", "2010-04-01");
        json.put("auth_type", authType(d));
        json.put("date_created", rfc2822(d.dateCreated));
        json.put("date_updated", rfc2822(d.dateUpdated));
        json.put("domain_name", d.domainName);
        json.put("friendly_name", d.friendlyName);
        json.put("sid", d.sid);
        json.put("uri", uri + ".json");
        json.put("voice_fallback_method", d.voiceFallbackMethod);
        json.put("voice_fallback_url", d.voiceFallbackUrl);
        json.put("voice_method", d.voiceMethod);
        json.put("voice_status_callback_method", d.voiceStatusCallbackMethod);
        json.put("voice_status_callback_url", d.voiceStatusCallbackUrl);
        json.put("voice_url", d.voiceUrl);
        Map<String, String> subresources = new LinkedHashMap<>();
        subresources.put("ip_access_control_list_mappings", uri + "/IpAccessControlListMappings.json");
        subresources.put("credential_list_mappings", uri + "/CredentialListMappings.json");
        subresources.put("auth_types", uri + "/Auth.json");
        json.put("subresource_uris", subresources);
        json.put("sip_registration", d.sipRegistration);
        json.put("emergency_calling_enabled", d.emergencyCallingEnabled);
        json.put("secure", d.secure);
        json.put("byoc_trunk_sid", d.byocTrunkSid);
        json.put("emergency_caller_sid", d.emergencyCallerSid);
        return json;
    }

    /** {@code CREDENTIAL_LIST} once any list is mapped; IP ACLs are not emulated. Null when nothing is mapped. */
    private static String authType(SipDomain d) {
        return d.callLists.isEmpty() && d.registrationLists.isEmpty() ? null : "CREDENTIAL_LIST";
    }

    Map<String, Object> list(CredentialList list) {
        String uri = base() + "/CredentialLists/" + list.sid;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("date_created", rfc2822(list.dateCreated));
        json.put("date_updated", rfc2822(list.dateUpdated));
        json.put("friendly_name", list.friendlyName);
        json.put("sid", list.sid);
        json.put("subresource_uris", Map.of("credentials", uri + "/Credentials.json"));
        json.put("uri", uri + ".json");
        return json;
    }

    Map<String, Object> credential(SipCredential credential) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("credential_list_sid", credential.credentialListSid);
        json.put("date_created", rfc2822(credential.dateCreated));
        json.put("date_updated", rfc2822(credential.dateUpdated));
        json.put("sid", credential.sid);
        json.put("uri", base() + "/CredentialLists/" + credential.credentialListSid + "/Credentials/" + credential.sid + ".json");
        json.put("username", credential.username);
        return json;
    }

    /** A mapping: the mapped list's SID and friendly name; the legacy resource also has {@code domain_sid} and {@code uri}. */
    Map<String, Object> mapping(String domainSid, CredentialList list, String mappingsPath) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("date_created", rfc2822(list.dateCreated));
        json.put("date_updated", rfc2822(list.dateUpdated));
        json.put("friendly_name", list.friendlyName);
        json.put("sid", list.sid);
        if (mappingsPath.endsWith("/CredentialListMappings") && !mappingsPath.contains("/Auth/")) {
            json.put("domain_sid", domainSid);
            json.put("uri", mappingsPath + "/" + list.sid + ".json");
        }
        return json;
    }
}
