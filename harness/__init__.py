"""What the tests, the acceptance suite and the benchmarks share to drive the real Pulumi engine
on throwaway projects (`harness.engine`); not part of the product."""
