#include "sim/mpi.hpp"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

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
  // This rank's chunks as one CBOR array of encoded chunks (byte-order independent).
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : mine) {
    const std::string bytes = encode_chunk(c);
    list.push_back(nlohmann::json::binary(std::vector<std::uint8_t>(bytes.begin(), bytes.end())));
  }
  const std::vector<std::uint8_t> packed = nlohmann::json::to_cbor(list);
  const std::string buf(packed.begin(), packed.end());
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
  for (int r = 0; r < size_; ++r) {
    const auto at = static_cast<std::size_t>(offs[static_cast<std::size_t>(r)]);
    const auto n = static_cast<std::size_t>(lens[static_cast<std::size_t>(r)]);
    const nlohmann::json part =
        nlohmann::json::from_cbor(all.begin() + static_cast<std::ptrdiff_t>(at),
                                  all.begin() + static_cast<std::ptrdiff_t>(at + n));
    for (const auto& bin : part) {
      const auto& bytes = bin.get_binary();
      ChunkResult c = decode_chunk(s, o, std::string(bytes.begin(), bytes.end()));
      chunks[c.chunk] = std::move(c);
    }
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
