// The start-up script of ./dl jshell and of the notebook kernel: the DSL needs no import.
import java.util.*;
import dl.tensor.*;
import dl.backend.Device;
import dl.autograd.*;
import dl.nn.*;
import dl.nn.loss.*;
import dl.nn.init.*;
import dl.zoo.*;
import dl.data.*;
import dl.optim.*;
import dl.train.*;
import dl.attack.*;
import dl.viz.*;
import java.nio.file.*;
import java.util.function.*;
// Every word of the DSL, from its home; no two of these have a word of the same name (see dl.Dsl).
import static dl.Dsl.*;
import static dl.nn.loss.Losses.*;
import static dl.optim.Optimizers.*;
import static dl.optim.LearningRate.*;
import static dl.nn.init.Initializers.*;
import static dl.data.Augmentation.*;
// Compiles the training step while you read, so that your first fit runs at full speed (see dl.train.Warmup).
Warmup.inBackground();
