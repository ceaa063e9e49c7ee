#include "sim/mpi.hpp"

#include <algorithm>
#include <cstring>
#include <map>

#ifdef PARLEY_MPI
#include <mpi.h>
#endif

namespace parley::sim {

Mpi& Mpi::instance() {
  static Mpi m;
  return m;
}

void Mpi::init(int* argc, char*** argv) {
#ifdef PARLEY_MPI
  int ready = 0;
  MPI_Initialized(&ready);
  if (!ready) MPI_Init(argc, argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  active_ = true;
#else
  (void)argc;
  (void)argv;
#endif
}

void Mpi::finalize() {
#ifdef PARLEY_MPI
  if (active_) MPI_Finalize();
  active_ = false;
#endif
}

SweepResult Mpi::gather(const Scenario& s, const SweepOptions& o,
                        const std::vector<ChunkResult>& mine, SweepResult local) {
  if (size_ <= 1) return local;
#ifdef PARLEY_MPI
  // Each chunk as [chunk id][paired blob size][paired][aggregates...], concatenated.
  std::string buf;
  for (const auto& c : mine) {
    std::string agg;
    for (const auto& a : c.aggregates) agg += a.serialize();
    const std::string pb = c.paired.serialize();
    const std::uint64_t head[3] = {c.chunk, pb.size(), agg.size()};
    buf.append(reinterpret_cast<const char*>(head), sizeof head);
    buf += pb;
    buf += agg;
  }
  int len = static_cast<int>(buf.size());
  std::vector<int> lens(static_cast<std::size_t>(size_)), offs(static_cast<std::size_t>(size_));
  MPI_Gather(&len, 1, MPI_INT, lens.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::string all;
  if (rank_ == 0) {
    int total = 0;
    for (int r = 0; r < size_; ++r) {
      offs[static_cast<std::size_t>(r)] = total;
      total += lens[static_cast<std::size_t>(r)];
    }
    all.resize(static_cast<std::size_t>(total));
  }
  MPI_Gatherv(buf.data(), len, MPI_CHAR, all.data(), lens.data(), offs.data(), MPI_CHAR, 0,
              MPI_COMM_WORLD);
  // Runs per second are reported from the slowest rank's time.
  double secs = local.seconds, slowest = 0;
  MPI_Reduce(&secs, &slowest, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
  if (rank_ != 0) return local;
  const std::size_t V = variants(o);
  std::map<std::uint64_t, ChunkResult> chunks;
  std::size_t at = 0;
  while (at < all.size()) {
    std::uint64_t head[3];
    std::memcpy(head, all.data() + at, sizeof head);
    at += sizeof head;
    ChunkResult c;
    c.chunk = head[0];
    c.paired.init(V, paired_metric_names(s));
    c.paired.deserialize(all.substr(at, head[1]));
    at += head[1];
    const std::string agg = all.substr(at, head[2]);
    at += head[2];
    c.aggregates.assign(V, Aggregate(s));
    const std::size_t each = agg.size() / V;
    for (std::size_t v = 0; v < V; ++v) c.aggregates[v].deserialize(agg.substr(v * each, each));
    chunks[c.chunk] = std::move(c);
  }
  SweepResult out;
  out.aggregates.assign(V, Aggregate(s));
  out.paired.init(V, paired_metric_names(s));
  for (const auto& [id, c] : chunks) {  // chunk order, as one process merges them
    for (std::size_t v = 0; v < V; ++v) out.aggregates[v].merge(c.aggregates[v]);
    out.paired.merge(c.paired);
  }
  out.runs = out.aggregates.empty() ? 0 : out.aggregates[0].runs();
  out.seconds = slowest;
  return out;
#else
  (void)s;
  (void)o;
  (void)mine;
  return local;
#endif
}

}  // namespace parley::sim
