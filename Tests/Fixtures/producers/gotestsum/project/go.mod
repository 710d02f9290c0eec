module example.com/ootfixture

go 1.19
