// The start-up script of ./dl jshell and of the notebook kernel: the DSL needs no import.
import java.util.*;
import dl.tensor.*;
import dl.autograd.*;
import dl.nn.*;
import dl.zoo.*;
import dl.data.*;
import dl.optim.*;
import dl.train.*;
import dl.attack.*;
import dl.viz.*;
import java.nio.file.*;
import static dl.Dsl.*;
import static dl.nn.init.Initializers.*;
// Compiles the training step while you read, so that your first fit runs at full speed (see dl.train.Warmup).
Warmup.inBackground();
