import FuzzDriver

runLibFuzzer("site-yml")
