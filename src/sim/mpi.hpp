#pragma once
// Optional MPI (configure with -DPARLEY_MPI=ON; OpenMPI from Debian). Each rank
// runs the chunks c with c % size == rank; rank 0 gathers every chunk's
// aggregates and merges them in chunk order, so the result has the same bytes
// as one process. Without MPI this is a single rank and reduce() is the identity.
#include <vector>

#include "sim/sweep.hpp"

namespace parley::sim {

class Mpi {
 public:
  static Mpi& instance();
  /// Call once from main with its arguments (no-op without MPI).
  void init(int* argc, char*** argv);
  void finalize();
  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  /// Rank 0: the whole sweep from every rank's chunks (`mine`, in chunk order).
  SweepResult gather(const Scenario& s, const SweepOptions& o, const std::vector<ChunkResult>& mine,
                     SweepResult local);

 private:
  int rank_ = 0, size_ = 1;
  bool active_ = false;
};

}  // namespace parley::sim
