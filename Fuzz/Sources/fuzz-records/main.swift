import FuzzDriver

runLibFuzzer("records")
