#pragma once
// Element consensus and the stages of the process (docs/model.md, "Endorsement and
// element consensus" and "Stages"): a group reaches consensus when its members all endorse the
// text and the groups it is conditional on have; the framework agreement and its ceasefire are
// signed when every framework-required group has consensus and everyone endorses; the final
// agreement once the groups owning detail issues have consensus again and everyone endorses.
#include <vector>

namespace parley::engine {

struct Run;

/// Appends design group g's open issues for this stage (owned by g, neither agreed nor
/// locked; non-detail issues before the framework, detail issues after it).
void append_open_issues(const Run& run, int g, std::vector<int>& out);

/// Has group g held the drafting meetings its details need (process `drafting` per detail issue
/// it owns, counted from the framework)? Always true before the framework.
bool drafting_done(const Run& run, int g);

/// Checks group g's element consensus; on reaching it its open items become agreed. Returns
/// true if the group has consensus.
bool check_consensus(Run& run, int g);

/// Signs the framework (and starts the ceasefire) and then the final agreement when they
/// are ready. Returns true when the final agreement is signed.
bool check_stages(Run& run);

/// Stage state at the start of a run.
void start_stages(Run& run);

/// After a ceasefire breaks down: back to the elements (agreed non-detail items reopen;
/// principles fixed by a leader channel stay), trust falls, the framework must be re-signed.
void reopen_after_collapse(Run& run);

}  // namespace parley::engine
