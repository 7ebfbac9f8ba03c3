import FuzzDriver

runLibFuzzer("registries")
