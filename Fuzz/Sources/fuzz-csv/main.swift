import FuzzDriver

runLibFuzzer("csv")
