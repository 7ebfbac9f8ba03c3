import FuzzDriver

runLibFuzzer("calendar")
