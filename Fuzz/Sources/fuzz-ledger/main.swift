import FuzzDriver

runLibFuzzer("ledger")
