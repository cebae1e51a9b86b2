package dev.lifeline.sim.sipdomain;

import dev.lifeline.sim.core.Sids;
import dev.lifeline.sim.core.SimContext;
import dev.lifeline.sim.core.TwilioApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SIP Domains, CredentialLists, Credentials and the domains' credential-list mappings, plus the questions the
 * registrar and the dialler ask of them. Every method takes the world lock.
 */
public final class SipDomainStore {

    /** Which mapping set a mapping resource edits. */
    enum MappingKind { REGISTRATIONS, CALLS }

    private final SimContext context;
    private final Map<String, SipDomain> domains = new LinkedHashMap<>();
    private final Map<String, CredentialList> lists = new LinkedHashMap<>();

    public SipDomainStore(SimContext context) {
        this.context = context;
    }

    // --- domains ---------------------------------------------------------------------------------------------------

    SipDomain createDomain(String domainName, DomainSettings settings) {
        synchronized (context.world) {
            requireFreeName(domainName, null);
            SipDomain domain = new SipDomain(Sids.next("SD"), domainName.toLowerCase(Locale.ROOT), context.clock.now());
            settings.applyTo(domain);
            domains.put(domain.sid, domain);
            return domain;
        }
    }

    SipDomain updateDomain(String sid, String domainName, DomainSettings settings) {
        synchronized (context.world) {
            SipDomain domain = domain(sid);
            if (domainName != null) {
                requireFreeName(domainName, sid);
                domain.domainName = domainName.toLowerCase(Locale.ROOT);
            }
            settings.applyTo(domain);
            domain.dateUpdated = context.clock.now();
            return domain;
        }
    }

    SipDomain domain(String sid) {
        synchronized (context.world) {
            SipDomain domain = domains.get(sid);
            if (domain == null) {
                throw TwilioApiException.notFound("SIP Domain", sid);
            }
            return domain;
        }
    }

    List<SipDomain> domains() {
        synchronized (context.world) {
            return new ArrayList<>(domains.values());
        }
    }

    void deleteDomain(String sid) {
        synchronized (context.world) {
            if (domains.remove(sid) == null) {
                throw TwilioApiException.notFound("SIP Domain", sid);
            }
        }
    }

    private void requireFreeName(String domainName, String exceptSid) {
        if (!SipHostNames.validDomainName(domainName)) {
            throw new TwilioApiException(400, 21232, "DomainName '" + domainName
                    + "' is invalid: use letters, digits and '-', ending in sip.twilio.com");
        }
        boolean taken = domains.values().stream()
                .anyMatch(d -> !d.sid.equals(exceptSid) && d.domainName.equalsIgnoreCase(domainName));
        if (taken) {
            throw new TwilioApiException(400, 21232, "DomainName '" + domainName + "' is already in use");
        }
    }

    // --- credential lists and credentials ---------------------------------------------------------------------------

    CredentialList createList(String friendlyName) {
        synchronized (context.world) {
            CredentialList list = new CredentialList(Sids.next("CL"), friendlyName, context.clock.now());
            lists.put(list.sid, list);
            return list;
        }
    }

    CredentialList list(String sid) {
        synchronized (context.world) {
            CredentialList list = lists.get(sid);
            if (list == null) {
                throw TwilioApiException.notFound("CredentialList", sid);
            }
            return list;
        }
    }

    List<CredentialList> lists() {
        synchronized (context.world) {
            return new ArrayList<>(lists.values());
        }
    }

    CredentialList renameList(String sid, String friendlyName) {
        synchronized (context.world) {
            CredentialList list = list(sid);
            list.friendlyName = friendlyName;
            list.dateUpdated = context.clock.now();
            return list;
        }
    }

    /** Deleting a list also removes it from every domain it was mapped to (assumed). */
    void deleteList(String sid) {
        synchronized (context.world) {
            if (lists.remove(sid) == null) {
                throw TwilioApiException.notFound("CredentialList", sid);
            }
            domains.values().forEach(d -> {
                d.registrationLists.remove(sid);
                d.callLists.remove(sid);
            });
        }
    }

    SipCredential createCredential(String listSid, String username, String password) {
        CredentialRules.checkUsername(username);
        CredentialRules.checkPassword(password);
        synchronized (context.world) {
            CredentialList list = list(listSid);
            if (list.byUsername(username) != null) {
                throw TwilioApiException.badRequest("Username '" + username + "' already exists in credential list " + listSid);
            }
            SipCredential credential = new SipCredential(Sids.next("CR"), listSid, username,
                    CredentialRules.ha1(username, password), context.clock.now());
            list.credentials.put(credential.sid, credential);
            list.dateUpdated = context.clock.now();
            return credential;
        }
    }

    SipCredential credential(String listSid, String sid) {
        synchronized (context.world) {
            SipCredential credential = list(listSid).credentials.get(sid);
            if (credential == null) {
                throw TwilioApiException.notFound("Credential", sid);
            }
            return credential;
        }
    }

    SipCredential changePassword(String listSid, String sid, String password) {
        if (password != null) {
            CredentialRules.checkPassword(password);
        }
        synchronized (context.world) {
            SipCredential credential = credential(listSid, sid);
            if (password != null) {
                credential.ha1 = CredentialRules.ha1(credential.username, password);
                credential.dateUpdated = context.clock.now();
            }
            return credential;
        }
    }

    void deleteCredential(String listSid, String sid) {
        synchronized (context.world) {
            if (list(listSid).credentials.remove(sid) == null) {
                throw TwilioApiException.notFound("Credential", sid);
            }
        }
    }

    // --- mappings ---------------------------------------------------------------------------------------------------

    /** Maps a list to a domain; the mapping's SID is the list's SID, as Twilio's is. */
    CredentialList map(String domainSid, MappingKind kind, String listSid) {
        synchronized (context.world) {
            SipDomain domain = domain(domainSid);
            CredentialList list = lists.get(listSid);
            if (list == null) {
                throw TwilioApiException.notFound("CredentialList", listSid);
            }
            Set<String> set = mappings(domain, kind);
            if (!set.add(listSid)) {
                // Twilio's 21231 "Domain Validation Error" names an already-associated list as its cause
                throw new TwilioApiException(400, 21231, "CredentialList " + listSid + " is already mapped to domain " + domainSid);
            }
            domain.dateUpdated = context.clock.now();
            return list;
        }
    }

    List<CredentialList> mapped(String domainSid, MappingKind kind) {
        synchronized (context.world) {
            return mappings(domain(domainSid), kind).stream().map(lists::get).filter(java.util.Objects::nonNull).toList();
        }
    }

    CredentialList mapping(String domainSid, MappingKind kind, String listSid) {
        synchronized (context.world) {
            if (!mappings(domain(domainSid), kind).contains(listSid) || !lists.containsKey(listSid)) {
                throw TwilioApiException.notFound("CredentialListMapping", listSid);
            }
            return lists.get(listSid);
        }
    }

    void unmap(String domainSid, MappingKind kind, String listSid) {
        synchronized (context.world) {
            if (!mappings(domain(domainSid), kind).remove(listSid)) {
                throw TwilioApiException.notFound("CredentialListMapping", listSid);
            }
        }
    }

    private static Set<String> mappings(SipDomain domain, MappingKind kind) {
        return kind == MappingKind.REGISTRATIONS ? domain.registrationLists : domain.callLists;
    }

    // --- what the registrar and the dialler ask ----------------------------------------------------------------------

    /** Whether a domain of that (global) name exists. */
    public boolean exists(String domainName) {
        synchronized (context.world) {
            return byName(domainName) != null;
        }
    }

    /** Whether a REGISTER for {@code username} at {@code domainName} may proceed, and the HA1 to check it against. */
    public RegistrationPolicy registration(String domainName, String username) {
        synchronized (context.world) {
            SipDomain domain = byName(domainName);
            if (domain == null) {
                return RegistrationPolicy.unknownDomain();
            }
            if (!domain.sipRegistration) {
                return RegistrationPolicy.refused(32210, "Registration not supported: SipRegistration is off for " + domain.domainName);
            }
            if (domain.registrationLists.isEmpty()) {
                return RegistrationPolicy.refused(32212, "No credential list is mapped to Auth/Registrations of " + domain.domainName);
            }
            for (String listSid : domain.registrationLists) {
                CredentialList list = lists.get(listSid);
                SipCredential credential = list == null ? null : list.byUsername(username);
                if (credential != null) {
                    return RegistrationPolicy.challenge(credential.ha1);
                }
            }
            return RegistrationPolicy.challenge(null);
        }
    }

    private SipDomain byName(String domainName) {
        return domains.values().stream().filter(d -> d.domainName.equalsIgnoreCase(domainName)).findFirst().orElse(null);
    }
}
