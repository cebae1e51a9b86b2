package dev.lifeline.server.auth;

import dev.lifeline.model.auth.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is who on the floor: login identity ↔ TaskRouter worker SID ↔ user. Built once from the users file and
 * the provisioned workspace; supervisors usually have no worker (they take no calls).
 */
public final class AgentDirectory {

    private final UserDirectory users;
    private final Map<String, String> workerSidByIdentity;
    private final Map<String, String> identityByWorkerSid = new LinkedHashMap<>();

    public AgentDirectory(UserDirectory users, Map<String, String> workerSidByIdentity) {
        this.users = users;
        this.workerSidByIdentity = Map.copyOf(workerSidByIdentity);
        this.workerSidByIdentity.forEach((identity, workerSid) -> identityByWorkerSid.put(workerSid, identity));
    }

    public Optional<String> workerSid(String identity) {
        return Optional.ofNullable(identity == null ? null : workerSidByIdentity.get(identity));
    }

    public Optional<String> identityOfWorker(String workerSid) {
        return Optional.ofNullable(workerSid == null ? null : identityByWorkerSid.get(workerSid));
    }

    public Optional<User> user(String identity) {
        return users.find(identity);
    }

    /** The name people see: the user's display name, else the identity. */
    public String displayName(String identity) {
        return users.find(identity).map(User::displayName).filter(name -> !name.isBlank()).orElse(identity);
    }

    public boolean isSupervisor(String identity) {
        return users.find(identity).map(user -> user.role() == Role.SUPERVISOR).orElse(false);
    }

    /** Who gets a softphone (a SIP account): agents with a worker take calls, supervisors listen in on them. */
    public boolean hasPhone(String identity) {
        return workerSid(identity).isPresent() || isSupervisor(identity);
    }

    /** Identities that have a TaskRouter worker, in the users file's order. */
    public List<String> agentIdentities() {
        return users.all().stream().map(User::identity).filter(workerSidByIdentity::containsKey).toList();
    }
}
