import FuzzDriver

runLibFuzzer("article")
