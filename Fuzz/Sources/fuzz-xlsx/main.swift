import FuzzDriver

runLibFuzzer("xlsx")
