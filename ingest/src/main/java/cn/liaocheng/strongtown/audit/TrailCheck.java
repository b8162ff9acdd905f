package cn.liaocheng.strongtown.audit;

/**
 * The result of {@link AuditTrail#verify()}.
 *
 * @param entries complete entries read (all of them when the chain holds; up to the break otherwise)
 * @param brokenLine the line number (from 1) of the first entry that breaks the chain, 0 when it holds
 * @param problem what is wrong with that entry, in Chinese; null when the chain holds
 * @param head the hash of the last good entry (the chain's head when it holds); note it down to detect
 *             later removal of entries from the end, which no chain can show by itself
 * @param tornTail whether the file ends in an unfinished line (a write cut short by a crash); it is not
 *                 part of the chain and is moved aside by the next append
 */
public record TrailCheck(long entries, long brokenLine, String problem, String head, boolean tornTail) {

    public boolean intact() {
        return problem == null;
    }
}
